-- Staff look a booking up by its payment's id or by the provider's reference for that payment.
create table booking_payment_references (
    payment_id         uuid primary key,
    booking_id         uuid not null,
    provider_reference varchar(255)
);
create index booking_payment_references_provider on booking_payment_references (provider_reference);
