package app.soiree.query.realtime;

import app.soiree.api.identity.UserId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;

/**
 * Where pushes go in projection tests, which have no broker: the real {@link UserPush} sends here
 * (after the projection's transaction commits, as in the server), so a test can see who was told what.
 * Start each test with {@link #clear()}.
 */
public class RecordedPushes implements MessageChannel {

    private static final Pattern USER_EVENTS = Pattern.compile("/user/([^/]+)" + StompUserPush.DESTINATION);

    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    /** One envelope pushed to one user. */
    public record Push(UserId userId, PushEnvelope envelope) {
    }

    @Override
    public boolean send(Message<?> message, long timeout) {
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        Matcher user = USER_EVENTS.matcher(destination == null ? "" : destination);
        if (!user.matches() || !(message.getPayload() instanceof PushEnvelope envelope)) {
            throw new AssertionError("Not a push to a user's events: " + message);
        }
        pushes.add(new Push(UserId.of(user.group(1)), envelope));
        return true;
    }

    public List<Push> all() {
        return List.copyOf(pushes);
    }

    /** The envelopes pushed to this user, oldest first. */
    public List<PushEnvelope> to(UserId userId) {
        return pushes.stream().filter(push -> push.userId().equals(userId)).map(Push::envelope).toList();
    }

    public void clear() {
        pushes.clear();
    }
}
