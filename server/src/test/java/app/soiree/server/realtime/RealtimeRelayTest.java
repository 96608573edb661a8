package app.soiree.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.EventQueueSubscriptions;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.FreshDataDirectory;
import app.soiree.server.support.Stomp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;

/**
 * Two replicas behind one ActiveMQ Artemis, as in docker-compose: a user connected to either one
 * receives what the other pushes, and the relay's connections, kept alive by heart-beats, still carry
 * pushes after an idle spell longer than the broker allows a silent connection.
 * <p>
 * Replica A runs the command and query sides on its embedded PostgreSQL; replica B runs the query side
 * on A's database and data directory (so it shares A's token signing key), as replicas share theirs.
 */
class RealtimeRelayTest {

    /** Short, so that the idle spell below outlasts the broker's patience with a silent connection (2 heart-beats). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final String BROKER_LOGIN = "soiree-relay";
    private static final String BROKER_PASSCODE = UUID.randomUUID().toString();

    private static EmbeddedActiveMQ broker;
    private static ConfigurableApplicationContext replicaA;
    private static ConfigurableApplicationContext replicaB;

    @BeforeAll
    static void startBrokerAndTwoReplicas() throws Exception {
        int stompPort = freePort();
        broker = startBroker(stompPort);
        String[] relay = {"--soiree.realtime.relay.host=127.0.0.1", "--soiree.realtime.relay.port=" + stompPort,
                "--soiree.realtime.relay.login=" + BROKER_LOGIN, "--soiree.realtime.relay.passcode=" + BROKER_PASSCODE,
                "--soiree.realtime.heartbeat=" + HEARTBEAT, "--server.port=0"};
        replicaA = new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .initializers(new FreshDataDirectory())
                .run(with(relay, "--soiree.roles=command,query"));
        String dataDir = replicaA.getEnvironment().getRequiredProperty("soiree.data-dir");
        String database = replicaA.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        replicaB = new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .run(with(relay, "--soiree.roles=query", "--soiree.data-dir=" + dataDir,
                        "--spring.datasource.url=" + database, "--spring.datasource.username=postgres"));
        await().atMost(Duration.ofSeconds(20)).until(() -> relayConnected(replicaA) && relayConnected(replicaB));
    }

    @AfterAll
    static void stopAll() throws Exception {
        // B first: it uses A's database.
        if (replicaB != null) {
            replicaB.close();
        }
        if (replicaA != null) {
            replicaA.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aUserOnOneReplicaReceivesWhatTheOtherPushesAlsoAfterAnIdleSpell() {
        Session ana = new Api(port(replicaA)).newUser("Ana");
        Session ben = new Api(port(replicaA)).newUser("Ben");
        try (Stomp anaOnA = Stomp.connectOnly(port(replicaA), withHeartbeat(ana.accessToken()));
             Stomp benOnB = Stomp.connectOnly(port(replicaB), withHeartbeat(ben.accessToken()))) {
            anaOnA.subscribeToEvents();
            benOnB.subscribeToEvents();

            push(replicaB, ana, "from.b");
            push(replicaA, ben, "from.a");
            assertThat(anaOnA.awaitEvent().path("type").asString()).isEqualTo("from.b");
            assertThat(benOnB.awaitEvent().path("type").asString()).isEqualTo("from.a");

            // Silence but for heart-beats, longer than the broker keeps a connection that stops beating.
            anaOnA.expectNoEvent(HEARTBEAT.multipliedBy(5));
            benOnB.expectNoEvent(Duration.ZERO);

            push(replicaB, ana, "after.idle");
            push(replicaA, ben, "after.idle");
            assertThat(anaOnA.awaitEvent().path("type").asString()).isEqualTo("after.idle");
            assertThat(benOnB.awaitEvent().path("type").asString()).isEqualTo("after.idle");
            assertThat(relayConnected(replicaA) && relayConnected(replicaB)).isTrue();
        }
    }

    @Test
    void aPushReachesOnlyItsUserAcrossReplicas() {
        Session ana = new Api(port(replicaA)).newUser("Ana");
        Session ben = new Api(port(replicaA)).newUser("Ben");
        try (Stomp anaOnA = Stomp.connect(port(replicaA), ana.accessToken());
             Stomp benOnA = Stomp.connect(port(replicaA), ben.accessToken());
             Stomp benOnB = Stomp.connect(port(replicaB), ben.accessToken())) {

            push(replicaB, ana, "for.ana");

            assertThat(anaOnA.awaitEvent().path("type").asString()).isEqualTo("for.ana");
            // With the relay the broker holds the subscriptions, another replica's too: pushes go through it.
            assertThat(replicaA.getBean(EventQueueSubscriptions.class).recorded()).isFalse();
            benOnA.expectNoEvent(Duration.ofMillis(500));
            benOnB.expectNoEvent(Duration.ZERO);
        }
    }

    private static void push(ConfigurableApplicationContext replica, Session user, String type) {
        replica.getBean(UserPush.class).push(UserId.of(user.userId()), new PushEnvelope(type, null, null, Instant.now(), Map.of()));
    }

    /** A client that beats as often as the replicas do, so its relayed session with the broker is as short-lived without it. */
    private static StompHeaders withHeartbeat(String accessToken) {
        StompHeaders headers = Stomp.bearer(accessToken);
        headers.setHeartbeat(new long[] {HEARTBEAT.toMillis(), HEARTBEAT.toMillis()});
        return headers;
    }

    private static boolean relayConnected(ConfigurableApplicationContext replica) {
        return replica.getBean("stompBrokerRelayMessageHandler", AbstractBrokerMessageHandler.class).isBrokerAvailable();
    }

    /** Artemis as docker-compose runs it: STOMP on /queue (anycast) and /topic (multicast), one account for the replicas. */
    private static EmbeddedActiveMQ startBroker(int stompPort) throws Exception {
        // Artemis's audit log asks for the caller's Subject, which Java 24+ refuses; before Spring Boot has set up
        // logging everything is logged, the audit log included, so it is switched off here.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq.audit")).setLevel(Level.OFF);
        Path brokerDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")).toAbsolutePath(), "artemis-");
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setBrokerInstance(brokerDir.toFile());
        configuration.setJMXManagementEnabled(false);
        configuration.setSecurityEnabled(true);
        configuration.setConnectionTtlCheckInterval(200);
        configuration.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + stompPort
                + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        configuration.putSecurityRoles("#", Set.of(new Role("relay", true, true, true, true, true, true, true, true, true, true, true, true)));
        SecurityConfiguration accounts = new SecurityConfiguration();
        accounts.addUser(BROKER_LOGIN, BROKER_PASSCODE);
        accounts.addRole(BROKER_LOGIN, "relay");
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration);
        embedded.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), accounts));
        return embedded.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
