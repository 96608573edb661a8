package app.soiree.server.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash between a request's commit and the remembering of its answer leaves behind: the request's
 * {@code Idempotency-Key} claimed but never answered, and claimed long enough ago to count as abandoned, so the client's
 * retry is carried out again rather than answered from memory.
 */
public final class LostAnswers {

    private LostAnswers() {
    }

    public static void forget(JdbcTemplate jdbc, String userId, String idempotencyKey) {
        int forgotten = jdbc.update("""
                update idempotency_keys
                set state = 'IN_FLIGHT', response_status = null, response_type = null, response_body = null,
                    created_at = now() - interval '1 hour'
                where user_id = ? and idempotency_key = ?""", userId, idempotencyKey);
        if (forgotten != 1) {
            throw new IllegalStateException("No remembered answer for key " + idempotencyKey);
        }
    }
}
