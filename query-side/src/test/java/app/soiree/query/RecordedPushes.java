package app.soiree.query;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link UserPush} that keeps every envelope with its user, in order, for tests to read. */
public class RecordedPushes implements UserPush {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

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

    public void clear() {
        sent.clear();
    }

    public record Sent(UserId userId, PushEnvelope envelope) {
    }
}
