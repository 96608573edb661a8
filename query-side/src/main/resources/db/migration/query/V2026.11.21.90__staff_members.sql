-- The console's staff list pages accounts holding a staff role by email. They are few among all
-- accounts, so a partial index holds just them; the query repeats this condition word for word.
create index user_profiles_staff on user_profiles (email) where roles ~ '(^|,)(SUPPORT|FINANCE|ADMIN)(,|$)';
