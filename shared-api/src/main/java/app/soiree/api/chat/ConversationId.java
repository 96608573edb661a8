package app.soiree.api.chat;

import app.soiree.api.RandomUuids;
import app.soiree.api.TypedId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation's identity. Direct and gathering conversations have deterministic ids, so that
 * there is exactly one per pair of users and one per gathering, whoever asks first.
 */
public record ConversationId(UUID value) implements TypedId {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId of(String value) {
        return new ConversationId(UUID.fromString(value));
    }

    public static ConversationId random() {
        return new ConversationId(RandomUuids.next());
    }

    /** The one direct conversation of two users: the same id whichever of them asks. */
    public static ConversationId direct(UserId one, UserId other) {
        String first = one.value().compareTo(other.value()) <= 0 ? one.toString() : other.toString();
        String second = first.equals(one.toString()) ? other.toString() : one.toString();
        return named("direct:" + first + ":" + second);
    }

    /** The one conversation of a gathering's host and guests. */
    public static ConversationId ofGathering(GatheringId gatheringId) {
        return named("gathering:" + gatheringId);
    }

    private static ConversationId named(String name) {
        return new ConversationId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
