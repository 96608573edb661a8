package app.soiree.query;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A {@link UserPush} that keeps every envelope with its user, in order, for tests to read. */
public class RecordedPushes implements UserPush {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Optional<Set<String>> online = Optional.empty();

    @Override
    public void push(UserId userId, PushEnvelope envelope) {
        sent.add(new Sent(userId, envelope));
    }

    public List<PushEnvelope> to(UserId userId) {
        return sent.stream().filter(push -> push.userId().equals(userId)).map(Sent::envelope).toList();
    }

    public List<PushEnvelope> to(UserId userId, String type) {
        return to(userId).stream().filter(envelope -> envelope.type().equals(type)).toList();
    }

    public List<Sent> all() {
        return List.copyOf(sent);
    }

    /** As the broker in this process would answer {@link UserPush#connectedUsers()}: only these users have a socket. */
    public void online(UserId... users) {
        online = Optional.of(Set.of(users).stream().map(UserId::toString).collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Optional<Set<String>> connectedUsers() {
        return online;
    }

    /** Forgets what was sent, and who was online: every user may have a socket again, as with the relay. */
    public void clear() {
        sent.clear();
        online = Optional.empty();
    }

    public record Sent(UserId userId, PushEnvelope envelope) {
    }
}
