package app.soiree.api;

import java.util.UUID;

/**
 * An identifier of one kind of thing ({@code UserId}, {@code BookingId}, ...). Every id is a record
 * with a single UUID component; on the wire it is the bare UUID string.
 */
public interface TypedId {

    UUID value();
}
