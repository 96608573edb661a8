package app.soiree.command.chat;

import app.soiree.api.chat.MemberRole;
import app.soiree.api.identity.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is in a conversation and on what terms: current members in the order they joined, everyone who
 * ever was (a former member is told "not a member", a stranger "not found"), bans and mutes with their
 * ends, and each member's last post for slow mode. Changed only by the aggregate's event handlers.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class ConversationMembers {

    private Map<UUID, MemberRole> current = new LinkedHashMap<>();
    private Set<UUID> everMembers = new HashSet<>();
    /** Ban and mute ends; {@link Instant#MAX} for good. */
    private Map<UUID, Instant> bannedUntil = new HashMap<>();
    private Map<UUID, Instant> mutedUntil = new HashMap<>();
    private Map<UUID, Instant> lastPostAt = new HashMap<>();

    boolean isMember(UserId userId) {
        return current.containsKey(userId.value());
    }

    boolean wasEverMember(UserId userId) {
        return everMembers.contains(userId.value());
    }

    int count() {
        return current.size();
    }

    Optional<MemberRole> roleOf(UserId userId) {
        return Optional.ofNullable(current.get(userId.value()));
    }

    /** The owner or the host: the one member who runs the conversation. */
    boolean runs(UserId userId) {
        return roleOf(userId).filter(role -> role != MemberRole.MEMBER).isPresent();
    }

    /** The member who joined first after {@code leaving}, to hand a group over to. */
    Optional<UserId> longestStandingOtherThan(UserId leaving) {
        return current.keySet().stream().filter(id -> !id.equals(leaving.value())).findFirst().map(UserId::new);
    }

    boolean isBanned(UserId userId, Instant now) {
        return until(bannedUntil, userId).filter(now::isBefore).isPresent();
    }

    boolean isMuted(UserId userId, Instant now) {
        return until(mutedUntil, userId).filter(now::isBefore).isPresent();
    }

    boolean hasBanOrMute(UserId userId, boolean ban) {
        return (ban ? bannedUntil : mutedUntil).containsKey(userId.value());
    }

    @Nullable Instant lastPostOf(UserId userId) {
        return lastPostAt.get(userId.value());
    }

    void join(UserId userId, MemberRole role) {
        current.put(userId.value(), role);
        everMembers.add(userId.value());
    }

    void leave(UserId userId) {
        current.remove(userId.value());
    }

    void promote(UserId userId, MemberRole role) {
        current.computeIfPresent(userId.value(), (id, old) -> role);
    }

    void ban(UserId userId, @Nullable Instant until) {
        bannedUntil.put(userId.value(), until == null ? Instant.MAX : until);
    }

    void unban(UserId userId) {
        bannedUntil.remove(userId.value());
    }

    void mute(UserId userId, @Nullable Instant until) {
        mutedUntil.put(userId.value(), until == null ? Instant.MAX : until);
    }

    void unmute(UserId userId) {
        mutedUntil.remove(userId.value());
    }

    void posted(UserId userId, Instant at) {
        lastPostAt.put(userId.value(), at);
    }

    private static Optional<Instant> until(Map<UUID, Instant> ends, UserId userId) {
        return Optional.ofNullable(ends.get(userId.value()));
    }
}
