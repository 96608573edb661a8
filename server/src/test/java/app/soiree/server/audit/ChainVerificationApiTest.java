package app.soiree.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Tamper evidence over HTTP, against the whole platform and the shared event store: the hash chain
 * the {@code audit-chain} processor keeps beside the store, its daily heads, and verifications of it.
 * Events are edited only if this test created them, and always put back as they were.
 */
@IntegrationTest
class ChainVerificationApiTest {

    static final String PROCESSOR = "audit-chain";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    private Api api;
    /** Staff are created once per class: the admin's sign-ins are rate limited per minute. */
    private static Session finance;
    private static Session support;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        if (finance == null) {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            finance = api.newStaff(admin, "FINANCE");
            support = api.newStaff(admin, "SUPPORT");
        }
    }

    @Test
    void aVerificationOfTheUntouchedStoreIsIntactAndChecksEveryStoredEvent() {
        String gatheringId = newGathering("Untouched " + UUID.randomUUID());
        awaitChained(gatheringId);
        long storedBefore = storedEvents();

        List<JsonNode> samples = new ArrayList<>();
        JsonNode verification = verifyToTheEnd(samples);

        assertThat(verification.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(verification.get("intact").asBoolean()).as(() -> "verification " + verification + " " + jdbc.queryForList(
                "select global_index, payload_type, time_stamp, aggregate_identifier, sequence_number from domain_event_entry where event_identifier = ?",
                verification.get("firstBrokenEventId").asString()) + " links " + jdbc.queryForList(
                "select chain_seq, event_position, linked_at from audit_chain_links order by chain_seq limit 60") + " tokens " + jdbc.queryForList(
                "select processor_name, segment, owner, convert_from(token, 'UTF8') from token_entry where processor_name = 'audit-chain'")).isTrue();
        assertThat(verification.get("firstBrokenEventId").isNull()).isTrue();
        long checked = verification.get("eventsChecked").asLong();
        assertThat(checked).isEqualTo(verification.get("eventsTotal").asLong());
        // Every event stored when it started, and none of those appended by other tests since.
        assertThat(checked).isGreaterThanOrEqualTo(storedBefore).isLessThanOrEqualTo(storedEvents());
        assertThat(verification.get("requestedBy").asString()).isEqualTo(finance.userId());
        long previous = 0;
        for (JsonNode sample : samples) {
            long progress = sample.get("eventsChecked").asLong();
            assertThat(progress).as("progress only grows").isGreaterThanOrEqualTo(previous);
            if (sample.get("status").asString().equals("RUNNING")) {
                assertThat(sample.get("intact").isNull()).isTrue();
            }
            previous = progress;
        }
    }

    /** The link is SHA-256 over the documented layout of the event's columns as stored: recomputed here without the platform's code. */
    @Test
    void eachLinkCoversTheEventAsStoredAndTheLinkBeforeIt() throws Exception {
        String gatheringId = newGathering("Recomputed " + UUID.randomUUID());
        awaitChained(gatheringId);

        Map<String, Object> link = jdbc.queryForMap("""
                select link.chain_seq, link.previous_hash, link.link_hash, event.*
                from audit_chain_links link join domain_event_entry event on event.global_index = link.event_position
                where event.aggregate_identifier = ? order by event.sequence_number limit 1""", gatheringId);
        long chainSeq = (Long) link.get("chain_seq");
        String before = chainSeq == 1 ? "0".repeat(64)
                : jdbc.queryForObject("select link_hash from audit_chain_links where chain_seq = ?", String.class, chainSeq - 1);

        assertThat(link.get("previous_hash")).isEqualTo(before);
        assertThat(link.get("link_hash")).isEqualTo(linkOf(before, link));
    }

    @Test
    void anEventEditedBehindThePlatformsBackIsNamedAsTheFirstBrokenLink() {
        String title = "Honest dinner " + UUID.randomUUID();
        String gatheringId = newGathering(title);
        awaitChained(gatheringId);
        Map<String, Object> stored = jdbc.queryForMap("""
                select event_identifier, payload from domain_event_entry
                where aggregate_identifier = ? and position(convert_to(?, 'UTF8') in payload) > 0
                order by sequence_number limit 1""", gatheringId, title);
        String editedEventId = (String) stored.get("event_identifier");
        byte[] original = (byte[]) stored.get("payload");

        // Still valid JSON of the same event, still readable: only the title is rewritten.
        int edited = jdbc.update("""
                update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                where event_identifier = ?""", title, title.replace("Honest", "Rewritten"), editedEventId);
        assertThat(edited).isEqualTo(1);
        JsonNode verification;
        try {
            verification = verifyToTheEnd(new ArrayList<>());
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where event_identifier = ?", original, editedEventId);
        }

        assertThat(verification.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEventId").asString()).isEqualTo(editedEventId);
        assertThat(verification.get("brokenLink").asString()).contains("as stored");
        assertThat(verification.get("eventsChecked").asLong()).isLessThan(verification.get("eventsTotal").asLong());

        JsonNode afterRestoring = verifyToTheEnd(new ArrayList<>());
        assertThat(afterRestoring.get("intact").asBoolean()).as("the original bytes give the original link").isTrue();
    }

    /**
     * A reset processor receives every stored event again, from the first: each finds its link and adds
     * nothing, and the chain goes on from its end. The processor handles the stream in order on one thread,
     * so once an event appended after the reset is linked, every earlier one has been delivered again.
     */
    @Test
    void eventsDeliveredAgainAddNoLinkAndLeaveTheChainIntact() {
        awaitChained(newGathering("Before the replay " + UUID.randomUUID()));
        Map<String, Object> tipBefore = jdbc.queryForMap("select chain_seq, link_hash from audit_chain_links order by chain_seq desc limit 1");
        long linkedBefore = (Long) tipBefore.get("chain_seq");

        StreamingEventProcessor chain = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        chain.shutDown();
        chain.resetTokens();
        chain.start();
        String afterwards = newGathering("After the replay " + UUID.randomUUID());
        awaitChained(afterwards);

        assertThat(jdbc.queryForObject("select link_hash from audit_chain_links where chain_seq = ?", String.class, linkedBefore))
                .isEqualTo(tipBefore.get("link_hash"));
        assertThat(jdbc.queryForObject("select count(*) = max(chain_seq) from audit_chain_links", Boolean.class))
                .as("one link per place in the chain, none skipped").isTrue();
        assertThat(jdbc.queryForObject("""
                select min(link.chain_seq) from audit_chain_links link join domain_event_entry event on event.global_index = link.event_position
                where event.aggregate_identifier = ?""", Long.class, afterwards)).isGreaterThan(linkedBefore);
        assertThat(verifyToTheEnd(new ArrayList<>()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void eachDaysChainHeadIsItsLastLinkForFinanceToNotarise() {
        String gatheringId = newGathering("Notarised " + UUID.randomUUID());
        awaitChained(gatheringId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode heads = api.get("/api/finance/audit/chain-heads?limit=2", finance.accessToken()).expectStatus(200).json().get("items");

        assertThat(heads.size()).isBetween(1, 2);
        JsonNode head = heads.get(0);
        assertThat(LocalDate.parse(head.get("day").asString())).isAfterOrEqualTo(today.minusDays(1));
        Map<String, Object> link = jdbc.queryForMap("select event_position, event_id, link_hash from audit_chain_links where chain_seq = ?",
                head.get("chainLength").asLong());
        assertThat(head.get("linkHash").asString()).isEqualTo(link.get("link_hash")).matches("[0-9a-f]{64}");
        assertThat(head.get("eventId").asString()).isEqualTo(link.get("event_id"));
        assertThat(head.get("position").asLong()).isEqualTo(link.get("event_position"));
        // Every day's head is that day's last link: checked in one statement, since the chain grows meanwhile.
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_chain_heads head
                where head.chain_seq <> (select max(link.chain_seq) from audit_chain_links link
                                         where (link.occurred_at at time zone 'UTC')::date = head.day)""", Long.class)).isZero();
    }

    @Test
    void verificationsAndChainHeadsAreForFinanceOnly() {
        Session guest = api.newUser("Curious Guest");
        String someVerification = "/api/finance/audit/verifications/" + UUID.randomUUID();
        for (Session notFinance : List.of(guest, support)) {
            Response start = api.post("/api/finance/audit/verifications", notFinance.accessToken(), null);
            start.expectStatus(403);
            assertThat(start.code()).isEqualTo("FORBIDDEN");
            api.get(someVerification, notFinance.accessToken()).expectStatus(403);
            api.get("/api/finance/audit/chain-heads", notFinance.accessToken()).expectStatus(403);
        }
        api.post("/api/finance/audit/verifications", null, null).expectStatus(401);
        api.get(someVerification, null).expectStatus(401);
        api.get("/api/finance/audit/chain-heads", null).expectStatus(401);

        Response unknown = api.get(someVerification, finance.accessToken());
        unknown.expectStatus(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/finance/audit/verifications/not-a-uuid", finance.accessToken()).expectStatus(400).code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/api/finance/audit/chain-heads?limit=0", finance.accessToken()).expectStatus(400).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aSecondVerificationWhileOneRunsIsAConflictAndOneLeftByAStoppedProcessIsInterrupted() {
        UUID elsewhere = UUID.randomUUID();
        // As another replica records a verification it is running: a fresh heartbeat.
        jdbc.update("""
                insert into audit_chain_verifications (verification_id, status, requested_by, started_at, heartbeat_at, head_position)
                values (?, 'RUNNING', 'finance-elsewhere', now(), now(), 0)""", elsewhere);
        try {
            Response refused = api.post("/api/finance/audit/verifications", finance.accessToken(), null);
            refused.expectStatus(409);
            assertThat(refused.code()).isEqualTo("STATE_CONFLICT");

            // That replica stops: its heartbeat ages past soiree.audit.chain-verification.stale-after.
            jdbc.update("update audit_chain_verifications set heartbeat_at = now() - interval '1 hour' where verification_id = ?", elsewhere);
            JsonNode interrupted = api.get("/api/finance/audit/verifications/" + elsewhere, finance.accessToken()).expectStatus(200).json();
            assertThat(interrupted.get("status").asString()).isEqualTo("FAILED");
            assertThat(interrupted.get("failure").asString()).startsWith("interrupted");
            assertThat(interrupted.get("intact").isNull()).isTrue();
        } finally {
            // Never leave a verification "running" for the tests after this one.
            jdbc.update("update audit_chain_verifications set status = 'FAILED', failure = 'test' where verification_id = ? and status = 'RUNNING'",
                    elsewhere);
        }
    }

    /** An event no handler of the platform reads: only the chain (and the audit's index) sees it. */
    record GapFiller(String note) {
    }

    /**
     * The embedded store hands out positions before commit, so an event can be committed after events with higher
     * positions. The chain processor then meets it as a gap being filled, with a token that names the highest position
     * passed, not the event's own: it must still be linked at its own position, and the store verify intact.
     */
    @Test
    void anEventCommittedAfterLaterOnesIsLinkedAtItsOwnPosition() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        String fillerId = UUID.randomUUID().toString();
        Thread slowTransaction = Thread.ofPlatform().start(() -> new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            eventStore.publish(new GenericEventMessage<>(new GenericMessage<>(fillerId, new GapFiller("late"), MetaData.emptyInstance()),
                    Instant::now));
            appended.countDown();
            try {
                mayCommit.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            String later = newGathering("Committed first " + UUID.randomUUID());
            awaitChained(later);
        } finally {
            mayCommit.countDown();
            slowTransaction.join();
        }

        Long position = jdbc.queryForObject("select global_index from domain_event_entry where event_identifier = ?", Long.class, fillerId);
        await().atMost(Duration.ofMinutes(1)).until(() -> jdbc.queryForList(
                "select event_id from audit_chain_links where event_position = ?", String.class, position), links -> links.equals(List.of(fillerId)));
        JsonNode verification = verifyToTheEnd(new ArrayList<>());
        assertThat(verification.get("intact").asBoolean()).as("verification %s", verification).isTrue();
    }

    /** Starts a verification and follows it, keeping every answer seen on the way, until it has finished. */
    private JsonNode verifyToTheEnd(List<JsonNode> samples) {
        JsonNode started = api.post("/api/finance/audit/verifications", finance.accessToken(), null).expectStatus(202).json();
        String verificationId = started.get("verificationId").asString();
        // The shared store holds every other test's events too: a walk over all of them gets time.
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode verification = api.get("/api/finance/audit/verifications/" + verificationId, finance.accessToken()).expectStatus(200).json();
            samples.add(verification);
            return verification;
        }, verification -> !verification.get("status").asString().equals("RUNNING"));
    }

    private String newGathering(String title) {
        Session host = api.newHost("Chain Host");
        return api.post("/api/gatherings", host.accessToken(), Gatherings.gathering(title, List.of(Gatherings.tier("Seat", 2500, 10))))
                .expectStatus(201).json().get("gatheringId").asString();
    }

    /** Until every stored event of the aggregate has its link (after a reset, once the whole store was delivered again). */
    private void awaitChained(String aggregateId) {
        await().atMost(Duration.ofMinutes(5)).until(() -> jdbc.queryForObject("""
                select count(*) = count(link.event_id) and count(*) > 0
                from domain_event_entry event left join audit_chain_links link on link.event_id = event.event_identifier
                where event.aggregate_identifier = ?""", Boolean.class, aggregateId));
    }

    private long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** The documented link layout (docs/architecture.md, "Tamper evidence"), from a row of domain_event_entry. */
    private static String linkOf(String previousHash, Map<String, Object> row) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(previousHash));
        field(sha256, text(row.get("event_identifier")));
        field(sha256, text(row.get("type")));
        field(sha256, text(row.get("aggregate_identifier")));
        sha256.update(ByteBuffer.allocate(8).putLong((Long) row.get("sequence_number")).array());
        field(sha256, text(Instant.parse((String) row.get("time_stamp")).toString()));
        field(sha256, text(row.get("payload_type")));
        field(sha256, text(row.get("payload_revision")));
        field(sha256, (byte[]) row.get("payload"));
        field(sha256, (byte[]) row.get("meta_data"));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte @Nullable [] text(@Nullable Object value) {
        return value == null ? null : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest sha256, byte @Nullable [] bytes) {
        sha256.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha256.update(bytes);
        }
    }
}
