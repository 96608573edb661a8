package app.soiree.server.realtime;

import java.util.Set;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Strips the headers a broker put on a message it delivered before the message goes back to the
 * broker. That happens when a replica takes a push another replica could not deliver (from
 * {@value StompConfiguration#UNRESOLVED_USER_DESTINATIONS}) and sends it on to the user's session queue:
 * Spring copies every header of the broadcast, and Artemis reads {@code destination-type: MULTICAST}
 * on a SEND as the routing type, so the push would miss the session's anycast queue and be lost.
 */
final class BrokerDeliveryHeaders implements ChannelInterceptor {

    private static final Set<String> DELIVERY_HEADERS = Set.of(
            "destination-type", "subscription", "message-id", "redelivered", "expires", "timestamp", "priority", "persistent");

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
            return message;
        }
        // A plain SimpMessageHeaderAccessor, as the message came: the relay copies those before adding its own headers.
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
        if (DELIVERY_HEADERS.stream().noneMatch(headers::containsNativeHeader)) {
            return message;
        }
        DELIVERY_HEADERS.forEach(headers::removeNativeHeader);
        return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    }
}
