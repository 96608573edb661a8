create table user_profiles (
    user_id       uuid primary key,
    email         varchar(254) not null,
    display_name  varchar(80) not null,
    phone         varchar(20),
    roles         varchar(100) not null,
    host_bio      varchar(2000),
    registered_at timestamp with time zone not null
);
create index user_profiles_email on user_profiles (email);
