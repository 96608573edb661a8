-- Featured and promoted gatherings, kept by PromotionProjection; the feed joins them. A gathering is featured now
-- iff a row of featured_gatherings covers now (a removed feature deletes its row), and promoted now iff a PAID row
-- of gathering_promotions covers now.
create table featured_gatherings (gathering_id uuid primary key, featured_from timestamp with time zone not null, featured_until timestamp with time zone not null, featured_by uuid not null, featured_at timestamp with time zone not null);
create table gathering_promotions (promotion_id uuid primary key, gathering_id uuid not null, host_id uuid not null, budget_minor bigint not null, currency char(3) not null, promoted_from timestamp with time zone not null, promoted_until timestamp with time zone not null, status varchar(16) not null, -- PAID | REFUNDED
    refunded_minor bigint not null default 0, paid_at timestamp with time zone not null, refunded_at timestamp with time zone);
create index gathering_promotions_gathering on gathering_promotions (gathering_id);
create index gathering_promotions_window on gathering_promotions (promoted_from, promoted_until) where status = 'PAID';
