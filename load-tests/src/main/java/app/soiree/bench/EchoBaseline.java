package app.soiree.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * R_echo: what this machine delivers over plain WebSockets with the chat phase's sessions and fan-out,
 * measured in the same run. An embedded Tomcat in the harness JVM (the server's own WebSocket stack,
 * with no STOMP, security, events or database) accepts one socket per user; a text frame from a member
 * goes back out, as it is, to every socket of that member's conversation, the sender's included, as a
 * chat post does. The clients are the same Jakarta client the chat phase's STOMP sessions use.
 */
final class EchoBaseline implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final Map<Integer, List<Session>> conversations = new ConcurrentHashMap<>();
    private final List<WebSocketSession> clients = new ArrayList<>();
    private final List<List<Integer>> groups;
    private final int[] groupOf;
    private volatile Deliveries current = new Deliveries();

    EchoBaseline(Path baseDir, List<List<Integer>> groups, int users) throws Exception {
        this.groups = groups;
        this.groupOf = new int[users];
        for (int g = 0; g < groups.size(); g++) {
            for (int user : groups.get(g)) {
                groupOf[user] = g;
            }
        }
        Files.createDirectories(baseDir);
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", baseDir.toString());
        // A servlet for the mapper to find; Tomcat's WsFilter upgrades /echo before it is reached.
        Tomcat.addServlet(context, "default", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            Endpoint echo = new FanOut();
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(FanOut.class, "/echo")
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            public <T> T getEndpointInstance(Class<T> type) {
                                return type.cast(echo);
                            }
                        }).build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.getConnector(); // creates the default HTTP connector
        tomcat.start();
    }

    /** The server side: one inbound frame → the same frame to every socket of its conversation. */
    private final class FanOut extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            int group = Integer.parseInt(session.getRequestParameterMap().get("group").getFirst());
            List<Session> members = conversations.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>());
            members.add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                for (Session member : members) {
                    // One frame at a time per socket: Tomcat refuses a send while another is being written.
                    synchronized (member) {
                        try {
                            member.getBasicRemote().sendText(text);
                        } catch (IOException e) {
                            // counted as lost on the client side
                        }
                    }
                }
            });
        }
    }

    /** Opens one socket per user, {@code concurrency} at a time, each joined to its conversation. */
    void connect(int concurrency) throws Exception {
        int port = tomcat.getConnector().getLocalPort();
        StandardWebSocketClient client = new StandardWebSocketClient();
        List<WebSocketSession> opened = Api.inParallel(groupOf.length, concurrency, user -> {
            try {
                return client.execute(new Receiver(user), null, URI.create("ws://localhost:" + port + "/echo?group=" + groupOf[user]))
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("echo socket " + user, e);
            }
        });
        clients.addAll(opened);
        // Every socket registered on the server side before anything is sent.
        Waiting.until("echo sockets", Duration.ofSeconds(30),
                () -> conversations.values().stream().mapToInt(List::size).sum() == groupOf.length ? true : null);
    }

    private final class Receiver extends TextWebSocketHandler {
        private final int user;

        Receiver(int user) {
            this.user = user;
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            current.received(Deliveries.idOf(message.getPayload()), user, System.nanoTime());
        }
    }

    /** The chat phase's pattern: one message every 1/rate s for {@code duration}, each from a member of conversation i mod n. */
    Deliveries paced(int rate, Duration duration, String prefix) {
        Deliveries deliveries = new Deliveries();
        current = deliveries;
        Deliveries.paced(rate, duration, i -> send(deliveries, prefix + i, i));
        deliveries.awaitAll(Duration.ofSeconds(10));
        return deliveries;
    }

    /**
     * The capacity: {@code outstanding} messages in flight at any time (a new one as soon as one has
     * reached every member), for {@code duration}. Its deliveries/s is R_echo.
     */
    Deliveries saturated(int outstanding, Duration duration) {
        return Deliveries.saturated(outstanding, duration, deliveries -> current = deliveries, (deliveries, n) -> send(deliveries, "s" + n, n));
    }

    /** Message n goes to conversation n mod count, from one of its members: the chat phase's choice. */
    private void send(Deliveries deliveries, String id, int n) {
        List<Integer> members = groups.get(n % groups.size());
        int sender = members.get(Math.floorMod(n * 31, members.size()));
        WebSocketSession socket = clients.get(sender);
        deliveries.sent(id, System.nanoTime(), members);
        try {
            synchronized (socket) {
                socket.sendMessage(new TextMessage(Deliveries.text(id)));
            }
        } catch (IOException | RuntimeException e) {
            deliveries.failed(id);
        }
    }

    @Override
    public void close() throws Exception {
        for (WebSocketSession client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        tomcat.stop();
        tomcat.destroy();
    }
}
