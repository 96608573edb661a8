-- Credentials stay out of the event stream: the email claim (set validation for registration),
-- the password hash, and the roles that go into access tokens.
create table accounts (
    user_id       uuid primary key,
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    roles         varchar(100) not null,
    created_at    timestamp with time zone not null,
    constraint accounts_email_unique unique (email)
);

-- Refresh tokens, stored as SHA-256 hashes; a family is one chain of rotations from one sign-in.
create table refresh_tokens (
    token_hash varchar(64) primary key,
    family_id  uuid not null,
    user_id    uuid not null references accounts (user_id),
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    revoked_at timestamp with time zone
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id);
