-- Staff page through parked events (dead letters) oldest first, by keyset; see query-side ParkedEventRows.
create index dead_letter_entry_listing_idx on dead_letter_entry (enqueued_at, dead_letter_id);
