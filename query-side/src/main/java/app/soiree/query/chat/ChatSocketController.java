package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/**
 * The two inputs a client may send on its socket (under the application prefix {@code /app}):
 * {@code /conversations/{id}/typing} {@code {typing}} and {@code /conversations/{id}/read}
 * {@code {seq}}. The principal's name is the user id. Whoever is not a member of the conversation
 * gets an {@code error} push with status 404 on their own queue, and nothing else happens; input that
 * cannot be read gets one with status 400.
 */
@Controller
class ChatSocketController {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketController.class);

    private final CurrentMembers members;
    private final ReadMarkers readMarkers;
    private final TypingLimiter typingLimiter;
    private final ChatPushes pushes;
    private final Clock clock;

    ChatSocketController(CurrentMembers members, ReadMarkers readMarkers, TypingLimiter typingLimiter, ChatPushes pushes, Clock clock) {
        this.members = members;
        this.readMarkers = readMarkers;
        this.typingLimiter = typingLimiter;
        this.pushes = pushes;
        this.clock = clock;
    }

    /** Not stored anywhere: told to the other members at once, if the limiter lets it through. */
    @MessageMapping("/conversations/{conversationId}/typing")
    void typing(@DestinationVariable String conversationId, @Payload TypingInput input, Principal principal) {
        UUID user = UUID.fromString(principal.getName());
        UUID conversation = conversationOrNull(conversationId);
        if (conversation == null) {
            refuse(user, null, ErrorCode.NOT_FOUND);
            return;
        }
        if (input.typing() == null) {
            refuse(user, conversation, ErrorCode.VALIDATION_FAILED);
            return;
        }
        if (!typingLimiter.allow(user, conversation, input.typing())) {
            return;
        }
        if (!members.isMember(conversation, user)) {
            refuse(user, conversation, ErrorCode.NOT_FOUND);
            return;
        }
        List<UUID> others = members.toTell(conversation).stream().filter(member -> !member.equals(user)).toList();
        pushes.send(others, new PushEnvelope(ChatPushes.TYPING, conversation, null, clock.instant(), new Typing(new UserId(user), input.typing())));
    }

    /** The same as {@code POST /api/conversations/{id}/read}. */
    @MessageMapping("/conversations/{conversationId}/read")
    void read(@DestinationVariable String conversationId, @Payload ReadInput input, Principal principal) {
        UUID user = UUID.fromString(principal.getName());
        UUID conversation = conversationOrNull(conversationId);
        if (conversation == null) {
            refuse(user, null, ErrorCode.NOT_FOUND);
            return;
        }
        if (input.seq() == null || input.seq() < 0) {
            refuse(user, conversation, ErrorCode.VALIDATION_FAILED);
            return;
        }
        try {
            readMarkers.markRead(new ConversationId(conversation), new UserId(user), input.seq());
        } catch (SoireeException refused) {
            refuse(user, conversation, refused.code());
        }
    }

    /** A payload that is not the JSON expected, or another failure: the sender learns it on their queue. */
    @MessageExceptionHandler
    void failed(Exception failure, Principal principal) {
        log.debug("A socket input was refused: {}", failure.toString());
        ErrorCode code = failure instanceof SoireeException refused ? refused.code() : ErrorCode.VALIDATION_FAILED;
        refuse(UUID.fromString(principal.getName()), null, code);
    }

    private void refuse(UUID user, @Nullable UUID conversation, ErrorCode code) {
        pushes.send(user, new PushEnvelope(ChatPushes.ERROR, conversation, null, clock.instant(),
                new Refused(code.httpStatus(), code.name())));
    }

    private static @Nullable UUID conversationOrNull(String conversationId) {
        try {
            return UUID.fromString(conversationId);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    record TypingInput(@Nullable Boolean typing) {
    }

    record ReadInput(@Nullable Long seq) {
    }

    /** {@code error}: why the input was refused, in the API's status and code. */
    record Refused(int status, String code) {
    }

    /** {@code typing}: who is (or stopped) typing. */
    record Typing(UserId userId, boolean typing) {
    }
}
