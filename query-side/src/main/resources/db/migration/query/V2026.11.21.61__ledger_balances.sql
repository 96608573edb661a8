-- Running balances: the journal summed per account and currency, kept by the ledger projection in the
-- transaction that writes the entries, so wallets and the current trial balance read one row per
-- account instead of summing the whole journal. Debits and credits are positive sums; a posting adds
-- to one of them only when its entry was actually inserted (a redelivered event adds nothing).
create table ledger_balances (
    account  varchar(255) not null,
    currency varchar(3) not null,
    debits   bigint not null,
    credits  bigint not null,
    primary key (account, currency),
    check (debits >= 0 and credits >= 0)
);

-- A journal written before this table existed starts with its sums.
insert into ledger_balances (account, currency, debits, credits)
select account, currency,
       coalesce(sum(amount) filter (where amount > 0), 0),
       coalesce(-sum(amount) filter (where amount < 0), 0)
from ledger_entries
group by account, currency;
