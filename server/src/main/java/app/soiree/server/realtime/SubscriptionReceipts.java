package app.soiree.server.realtime;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Answers a {@code SUBSCRIBE} that asks for a {@code receipt} once the subscription is in place, as a
 * real broker (and so the relay) does; Spring's simple broker sends no receipts. A client that waits
 * for it knows that nothing pushed from then on can miss it, and can start its resync read.
 * <p>
 * Sits on the broker channel, which delivers synchronously: after a send returns, the simple broker
 * has registered the subscription.
 */
final class SubscriptionReceipts implements ChannelInterceptor {

    private static final byte[] NO_BODY = new byte[0];

    private final MessageChannel clientOutboundChannel;

    SubscriptionReceipts(MessageChannel clientOutboundChannel) {
        this.clientOutboundChannel = clientOutboundChannel;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, @Nullable Exception failure) {
        if (!sent || failure != null || SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.SUBSCRIBE) {
            return;
        }
        StompHeaderAccessor subscribe = StompHeaderAccessor.wrap(message);
        String receiptId = subscribe.getReceipt();
        String sessionId = subscribe.getSessionId();
        if (receiptId == null || sessionId == null) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(sessionId);
        clientOutboundChannel.send(MessageBuilder.createMessage(NO_BODY, receipt.getMessageHeaders()));
    }
}
