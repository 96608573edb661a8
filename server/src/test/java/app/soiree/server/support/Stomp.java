package app.soiree.server.support;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the socket ({@code /ws}, STOMP over a real WebSocket), as a client app uses it:
 * <pre>{@code
 * try (Stomp ana = Stomp.connect(port, session.accessToken())) {   // connected and subscribed
 *     ana.send("/app/conversations/" + id + "/typing", Map.of("typing", true));
 *     JsonNode typing = ana.awaitEvent("typing");                  // an envelope {type, conversationId, seq, at, data}
 *     ana.expectNoEvent(Duration.ofMillis(300));
 * }
 * }</pre>
 * Every envelope that arrives on {@code /user/queue/events} is kept, in order, until a test takes it.
 * A refused frame closes the socket: {@link #awaitError()} answers the server's reason.
 */
public final class Stomp implements AutoCloseable {

    public static final String EVENTS = "/user/queue/events";
    /** How long the await methods wait. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger RECEIPTS = new AtomicInteger();
    private static final WebSocketStompClient CLIENT = client();

    private final StompSession session;
    private final Frames frames;
    private final StompHeaders connected;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private StompSession.@Nullable Subscription toEvents;

    private Stomp(StompSession session, Frames frames, StompHeaders connected) {
        this.session = session;
        this.frames = frames;
        this.connected = connected;
    }

    /** Connects with this access token and subscribes to the user's events; returns once the server confirmed the subscription. */
    public static Stomp connect(int port, String accessToken) {
        Stomp stomp = connectOnly(port, accessToken);
        stomp.subscribeToEvents();
        return stomp;
    }

    /** Connects with this access token and subscribes to nothing. */
    public static Stomp connectOnly(int port, String accessToken) {
        return connectOnly(port, bearer(accessToken));
    }

    /** Connects with these CONNECT headers (heart-beats, unless given, are 10000,10000) and subscribes to nothing. */
    public static Stomp connectOnly(int port, StompHeaders connectHeaders) {
        Frames frames = new Frames();
        try {
            StompSession session = CLIENT.connectAsync(url(port), new WebSocketHttpHeaders(), connectHeaders, frames)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            // The session is handed out just before its handler hears of the CONNECTED frame.
            return new Stomp(session, frames, frames.connected.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Could not connect to the socket; ERROR frames: " + frames.errors, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A CONNECT that the server must refuse, with this {@code Authorization} header (none if null):
     * answers the message of the server's ERROR frame, once the socket has closed.
     */
    public static String refusedConnect(int port, @Nullable String authorization) {
        StompHeaders headers = new StompHeaders();
        if (authorization != null) {
            headers.set("Authorization", authorization);
        }
        Frames frames = new Frames();
        CompletableFuture<StompSession> connecting = CLIENT.connectAsync(url(port), new WebSocketHttpHeaders(), headers, frames);
        try {
            StompSession connected = connecting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            connected.disconnect();
            throw new AssertionError("The socket accepted a CONNECT it should have refused");
        } catch (ExecutionException closed) {
            return frames.awaitError();
        } catch (TimeoutException e) {
            throw new AssertionError("The socket neither accepted nor refused the CONNECT", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code Authorization: Bearer <token>} as the CONNECT header the socket expects. */
    public static StompHeaders bearer(String accessToken) {
        StompHeaders headers = new StompHeaders();
        headers.set("Authorization", "Bearer " + accessToken);
        return headers;
    }

    /** The server's CONNECTED frame (version, heart-beat, ...). */
    public StompHeaders connectedHeaders() {
        return connected;
    }

    /** Subscribes to {@value #EVENTS} and waits for the server's receipt: from then on no push can miss this client. */
    public void subscribeToEvents() {
        CompletableFuture<Void> receipted = new CompletableFuture<>();
        StompSession.Subscription subscription = session.subscribe(withReceipt(EVENTS), new Events());
        toEvents = subscription;
        subscription.addReceiptTask(() -> receipted.complete(null));
        subscription.addReceiptLostTask(() -> receipted.completeExceptionally(new AssertionError("No receipt for the subscription")));
        try {
            receipted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The subscription to " + EVENTS + " was not confirmed; ERROR frames: " + frames.errors, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the subscription to {@value #EVENTS} ({@code UNSUBSCRIBE}); the socket stays open. */
    public void unsubscribeFromEvents() {
        if (toEvents == null) {
            throw new IllegalStateException("Not subscribed to " + EVENTS);
        }
        toEvents.unsubscribe();
        toEvents = null;
    }

    /** Subscribes to any destination without waiting for anything: for subscriptions the server should refuse. */
    public void subscribe(String destination) {
        session.subscribe(withReceipt(destination), new Events());
    }

    /** Sends this body as JSON (a String is sent as it is). */
    public void send(String destination, Object body) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, Api.json(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The next envelope, waiting up to {@link #WAIT}. */
    public JsonNode awaitEvent() {
        try {
            JsonNode event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + WAIT + frames.problems());
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next envelope of this type; envelopes of other types before it are dropped. */
    public JsonNode awaitEvent(String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && type.equals(event.path("type").asString())) {
                    return event;
                }
                if (event != null) {
                    skipped.add(event.path("type").asString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No " + type + " event within " + WAIT + "; other events: " + skipped + frames.problems());
    }

    /** Fails if an envelope arrives within this time (or has arrived and not been taken). */
    public void expectNoEvent(Duration within) {
        try {
            JsonNode event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                throw new AssertionError("Expected no event but got " + event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The envelopes that have arrived and not been taken yet, oldest first; takes them. */
    public List<JsonNode> takeEvents() {
        List<JsonNode> taken = new ArrayList<>();
        events.drainTo(taken);
        return taken;
    }

    /** Waits for the server's ERROR frame and for the socket to close; answers the frame's {@code message}. */
    public String awaitError() {
        return frames.awaitError();
    }

    /**
     * Waits for the socket to close after a refused SUBSCRIBE or SEND; answers the ERROR frame's message, or empty if
     * the frame was lost. Spring closes the socket right after queueing the ERROR frame, so when another thread is
     * writing to the same socket at that moment (the CONNECTED frame just sent, a push) the frame can be dropped.
     */
    public Optional<String> awaitRefusal() {
        frames.awaitClosed();
        return Optional.ofNullable(frames.errors.poll());
    }

    /** Waits for the socket to close, with or without an ERROR frame first. */
    public void awaitClosed() {
        frames.awaitClosed();
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }

    private static StompHeaders withReceipt(String destination) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt("receipt-" + RECEIPTS.incrementAndGet());
        return headers;
    }

    private static String url(int port) {
        return "ws://localhost:" + port + "/ws";
    }

    private static WebSocketStompClient client() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("stomp-test-client-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setTaskScheduler(scheduler); // heart-beats (10000,10000 by default) and receipt time-outs
        return client;
    }

    /** Collects what arrives on a subscription: each MESSAGE body, read as JSON. */
    private final class Events implements StompFrameHandler {

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, @Nullable Object payload) {
            events.add(payload == null ? JSON.nullNode() : JSON.readTree((byte[]) payload));
        }
    }

    /** The session's own frames: CONNECTED, ERROR, and the end of the connection. */
    private static final class Frames extends StompSessionHandlerAdapter {

        final CompletableFuture<StompHeaders> connected = new CompletableFuture<>();
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> closed = new CompletableFuture<>();
        /** Frames this client could not handle (an event that is not JSON, say). */
        final List<String> clientFailures = new CopyOnWriteArrayList<>();

        String problems() {
            return (errors.isEmpty() ? "" : "; ERROR frames: " + errors)
                    + (clientFailures.isEmpty() ? "" : "; unreadable frames: " + clientFailures);
        }

        @Override
        public void afterConnected(StompSession session, StompHeaders connectedHeaders) {
            connected.complete(connectedHeaders);
        }

        @Override
        public void handleFrame(StompHeaders headers, @Nullable Object payload) {
            // Only ERROR frames reach the session handler.
            String message = headers.getFirst("message");
            errors.add(message == null ? "" : message);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            closed.complete(exception);
        }

        @Override
        public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
                                    byte[] payload, Throwable exception) {
            clientFailures.add(command + " frame: " + exception);
        }

        String awaitError() {
            try {
                String message = errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (message == null) {
                    throw new AssertionError("No ERROR frame within " + WAIT
                            + (closed.isDone() ? " (the socket closed without one: " + closed.getNow(null) + ")" : ""));
                }
                awaitClosed();
                return message;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void awaitClosed() {
            try {
                closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("The socket is still open after " + WAIT, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
