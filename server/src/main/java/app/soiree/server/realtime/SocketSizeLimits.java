package app.soiree.server.realtime;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Sets the WebSocket container's message buffers of each socket to the frame limit. Tomcat's default
 * (8 KB) would close a socket for a frame the STOMP limit allows, and a buffer is held per open
 * socket, so it is sized here, for this endpoint only (the console's push connection keeps its own).
 */
final class SocketSizeLimits extends WebSocketHandlerDecorator {

    private final int maxFrameBytes;

    SocketSizeLimits(WebSocketHandler delegate, int maxFrameBytes) {
        super(delegate);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        session.setTextMessageSizeLimit(maxFrameBytes);
        session.setBinaryMessageSizeLimit(maxFrameBytes);
        super.afterConnectionEstablished(session);
    }
}
