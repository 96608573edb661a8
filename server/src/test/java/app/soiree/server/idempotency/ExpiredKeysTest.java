package app.soiree.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keys older than the retention (24 hours by default) are forgotten in batches; younger ones, and locked ones, stay. */
@IntegrationTest
class ExpiredKeysTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ExpiredKeys expiredKeys;

    @Test
    void keysOlderThanTheRetentionAreForgottenInBatchesAndYoungerOnesKept() {
        String user = UUID.randomUUID().toString();
        int expired = ExpiredKeys.BATCH + 3;
        insert(user, "expired-", expired, "25 hours");
        insert(user, "kept-", 2, "23 hours");

        assertThat(expiredKeys.purge()).isGreaterThanOrEqualTo(expired);

        assertThat(keysOf(user, "expired-%")).isZero();
        assertThat(keysOf(user, "kept-%")).isEqualTo(2);
    }

    @Test
    void aKeySomeoneElseHoldsIsLeftForTheNextPurge() throws Exception {
        String user = UUID.randomUUID().toString();
        insert(user, "locked-", 1, "25 hours");
        insert(user, "free-", 1, "25 hours");
        try (Connection elsewhere = dataSource.getConnection()) {
            elsewhere.setAutoCommit(false);
            try (PreparedStatement lock = elsewhere.prepareStatement(
                    "select 1 from idempotency_keys where user_id = ? and idempotency_key = 'locked-0' for update")) {
                lock.setString(1, user);
                try (ResultSet locked = lock.executeQuery()) {
                    assertThat(locked.next()).isTrue();
                }
            }

            expiredKeys.purge();
            assertThat(keysOf(user, "free-%")).isZero();
            assertThat(keysOf(user, "locked-%")).as("skipped, not waited for").isEqualTo(1);
            elsewhere.commit();
        }

        expiredKeys.purge();
        assertThat(keysOf(user, "locked-%")).isZero();
    }

    private void insert(String user, String prefix, int count, String age) {
        jdbc.update("""
                insert into idempotency_keys (user_id, idempotency_key, request_hash, state, response_status, created_at)
                select ?, ? || n, 'hash', 'DONE', 201, now() - ?::interval from generate_series(0, ? - 1) n""",
                user, prefix, age, count);
    }

    private int keysOf(String user, String pattern) {
        return jdbc.queryForObject("select count(*) from idempotency_keys where user_id = ? and idempotency_key like ?",
                Integer.class, user, pattern);
    }
}
