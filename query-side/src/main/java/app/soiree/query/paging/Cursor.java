package app.soiree.query.paging;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sort key of the last item of a page (a time, then an id that breaks ties), from which the
 * next page continues. Keyset positions stay correct while rows are added, unlike offsets. The wire
 * form is {@link TextCursor}'s; this one only insists that the key is a UUID.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        return new TextCursor(at, id.toString()).encode();
    }

    /** Absent or blank means the first page; anything this class did not encode is a validation error. */
    public static @Nullable Cursor decode(@Nullable String cursor) {
        TextCursor text = TextCursor.decode(cursor);
        if (text == null) {
            return null;
        }
        try {
            return new Cursor(text.at(), UUID.fromString(text.key()));
        } catch (IllegalArgumentException notAUuid) {
            throw TextCursor.invalid();
        }
    }

    /** For request parameters: a malformed cursor is the client's 400, refused before any query is sent. */
    public static @Nullable String requireValid(@Nullable String cursor) {
        return decode(cursor) == null ? null : cursor;
    }
}
