package app.soiree.server.realtime;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The {@code ERROR} frame a client gets when one of its frames is refused (after which the socket
 * closes). It says our reason for a {@link SocketRefusal} and a fixed sentence otherwise: by default
 * Spring would send the exception's message, which can name the server's channels and classes.
 */
final class SocketErrors extends StompSubProtocolErrorHandler {

    static final String UNREADABLE = "The frame is malformed or larger than the server accepts.";
    static final String FAILED = "The server could not handle this frame.";
    private static final byte[] NO_BODY = new byte[0];

    @Override
    public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable failure) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        // Spring hands over no client message when the bytes could not even be decoded into a frame.
        error.setMessage(clientMessage == null ? UNREADABLE : reason(failure));
        StompHeaderAccessor refused = clientMessage == null ? null
                : MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class);
        if (refused != null && refused.getReceipt() != null) {
            error.setReceiptId(refused.getReceipt());
        }
        return MessageBuilder.createMessage(NO_BODY, error.getMessageHeaders());
    }

    /**
     * Closes a socket from the server's side, saying why: an {@code ERROR} frame for that session on the outbound channel,
     * after which Spring closes it, as STOMP wants. A session no longer connected to this replica ignores it.
     */
    static void close(MessageChannel clientOutboundChannel, String sessionId, String reasonForTheClient) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(sessionId);
        error.setMessage(reasonForTheClient);
        clientOutboundChannel.send(MessageBuilder.createMessage(NO_BODY, error.getMessageHeaders()));
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketRefusal refusal && refusal.getMessage() != null) {
                return refusal.getMessage();
            }
        }
        return FAILED;
    }
}
