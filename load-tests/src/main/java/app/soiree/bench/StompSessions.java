package app.soiree.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * One socket per user on the server's {@code /ws}, as a client app holds it (docs/api-guide.md "Chat and
 * the socket"): STOMP 1.2 over a plain WebSocket, the access token in CONNECT, heart-beats 10000,10000,
 * subscribed to {@code /user/queue/events} with a receipt, so that once {@link #connect} returns no push
 * can miss a session. Every {@code message.new} push is handed to the current {@link Deliveries}.
 */
final class StompSessions implements AutoCloseable {

    private static final String EVENTS = "/user/queue/events";

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final WebSocketStompClient client;
    private final List<StompSession> sessions = new ArrayList<>();
    private final AtomicInteger receipts = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong otherPushes = new AtomicLong();
    private volatile Deliveries current = new Deliveries();

    StompSessions() {
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("stomp-heartbeat-");
        scheduler.initialize();
        client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setTaskScheduler(scheduler);
        client.setDefaultHeartbeat(new long[] {10_000, 10_000});
    }

    /** From now on, pushes are counted here. */
    void countInto(Deliveries deliveries) {
        current = deliveries;
    }

    /** Connects and subscribes user i with {@code tokens.get(i)}, {@code concurrency} at a time; returns once every subscription is confirmed. */
    void connect(String baseUrl, List<String> tokens, int concurrency) throws Exception {
        URI url = URI.create(baseUrl.replaceFirst("^http", "ws") + "/ws");
        sessions.addAll(Api.inParallel(tokens.size(), concurrency, user -> {
            try {
                return open(url, tokens.get(user), user);
            } catch (Exception e) {
                throw new IllegalStateException("socket of user " + user, e);
            }
        }));
    }

    private StompSession open(URI url, String token, int user) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.set("Authorization", "Bearer " + token);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        StompSession session = client.connectAsync(url, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
            @Override
            public void afterConnected(StompSession session, StompHeaders headers) {
                connected.complete(null);
            }

            @Override
            public void handleException(StompSession session, StompCommand command, StompHeaders headers, byte[] payload, Throwable e) {
                errors.incrementAndGet();
            }

            @Override
            public void handleTransportError(StompSession session, Throwable e) {
                errors.incrementAndGet();
                connected.completeExceptionally(e);
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                errors.incrementAndGet(); // an ERROR frame
                connected.completeExceptionally(new IllegalStateException("ERROR frame: " + headers));
            }
        }).get(30, TimeUnit.SECONDS);
        connected.get(30, TimeUnit.SECONDS);

        StompHeaders subscribe = new StompHeaders();
        subscribe.setDestination(EVENTS);
        subscribe.setReceipt("r-" + receipts.incrementAndGet());
        CompletableFuture<Void> receipted = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(subscribe, new Pushes(user));
        subscription.addReceiptTask(() -> receipted.complete(null));
        subscription.addReceiptLostTask(() -> receipted.completeExceptionally(new IllegalStateException("no receipt for the subscription")));
        receipted.get(30, TimeUnit.SECONDS);
        return session;
    }

    /** The pushes of one user: a {@code message.new} is a delivery of the message whose id its text carries. */
    private final class Pushes implements StompFrameHandler {
        private final int user;

        Pushes(int user) {
            this.user = user;
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            long at = System.nanoTime();
            try {
                JsonNode envelope = Api.JSON.readTree((byte[]) payload);
                if ("message.new".equals(envelope.path("type").asText())) {
                    current.received(Deliveries.idOf(envelope.path("data").path("text").asText(null)), user, at);
                } else {
                    otherPushes.incrementAndGet(); // unread.total, member.added, …: not what is measured
                }
            } catch (java.io.IOException e) {
                errors.incrementAndGet();
            }
        }
    }

    int connected() {
        return (int) sessions.stream().filter(StompSession::isConnected).count();
    }

    long errors() {
        return errors.get();
    }

    long otherPushes() {
        return otherPushes.get();
    }

    @Override
    public void close() {
        sessions.forEach(session -> {
            try {
                session.disconnect();
            } catch (RuntimeException ignored) {
                // the socket is gone already
            }
        });
        scheduler.shutdown();
    }
}
