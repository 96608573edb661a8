package app.soiree.query.paging;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import org.jspecify.annotations.Nullable;

/** How many items one page may hold. Every list is bounded, whoever asks. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    /** For request parameters: absent means {@link #DEFAULT}; outside 1..{@link #MAX} is refused so the client learns. */
    public static int validated(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX);
        }
        return limit;
    }

    /** For query handlers: their senders are trusted code, so an odd limit is bent into range rather than refused. */
    public static int clamped(int limit) {
        return Math.clamp(limit, 1, MAX);
    }
}
