package app.soiree.server.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the edge accepts in any text and any instant a client sends, in a JSON body, a query parameter
 * or a path segment. Text may hold line breaks and tabs (descriptions and messages are multi-line)
 * but no other control character: no NUL (PostgreSQL refuses it in text), no other C0 or C1 control,
 * no DEL and no unpaired surrogate. Instants lie between 1970 and the end of year 9999: PostgreSQL's
 * timestamptz is wider, but nothing Soiree schedules lies outside, and ISO-8601 strings beyond year
 * 9999 need a sign that many clients cannot read back.
 */
public final class InputRules {

    public static final Instant EARLIEST_INSTANT = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String CONTROL_CHARACTER_MESSAGE =
            "must not contain control characters (only line breaks and tabs are allowed)";
    public static final String INSTANT_RANGE_MESSAGE = "must be an instant between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private InputRules() {
    }

    /** Whether text holds only characters the edge accepts (see above); null is left to {@code @NotNull}. */
    public static boolean isAcceptableText(@Nullable String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isAcceptableInstant(@Nullable Instant instant) {
        return instant == null || (!instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT));
    }
}
