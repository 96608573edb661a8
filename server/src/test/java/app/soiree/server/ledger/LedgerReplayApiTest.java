package app.soiree.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Ledger replays over HTTP, against the whole platform: a stream of thousands of events (seats paid
 * through the simulated provider, and a host's many draft edits) replayed from the first event and
 * compared with the live ledger.
 */
@IntegrationTest
class LedgerReplayApiTest {

    /** "A few thousand events": the stream holds at least this many when the big replay starts. */
    static final int EVENTS_AT_LEAST = 2_000;
    static final int GUESTS = 12;
    static final long PRICE = 2500;
    static final long NET = 2345; // 2500 less 5 % and 30 (application.yml)

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

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
    void aReplayOfThousandsOfEventsMatchesTheLiveLedgerShowsProgressAndGivesTheSameDigestForTheSameStream() throws Exception {
        Session host = api.newHost("Replay Host");
        int paid = payForSeats(host, 3);
        editDraftsUntilTheStreamHolds(host, EVENTS_AT_LEAST);
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingOf(host), pending -> pending == NET * paid);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);

        List<JsonNode> samples = new ArrayList<>();
        JsonNode replay = replayToTheEnd(samples);

        assertThat(replay.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(replay.get("matches").asBoolean()).isTrue();
        assertThat(replay.get("differences")).isEmpty();
        assertThat(replay.get("eventsTotal").asLong()).isGreaterThanOrEqualTo(EVENTS_AT_LEAST);
        assertThat(replay.get("eventsProcessed").asLong()).isEqualTo(replay.get("eventsTotal").asLong());
        assertThat(replay.get("digest").asString()).matches("[0-9a-f]{64}");
        assertThat(replay.get("requestedBy").asString()).isEqualTo(finance.userId());
        assertThat(Instant.parse(replay.get("finishedAt").asString())).isAfterOrEqualTo(Instant.parse(replay.get("startedAt").asString()));
        long previous = 0;
        for (JsonNode sample : samples) {
            long processed = sample.get("eventsProcessed").asLong();
            assertThat(processed).as("progress only grows").isGreaterThanOrEqualTo(previous);
            if (sample.get("status").asString().equals("RUNNING")) {
                assertThat(sample.get("matches").isNull()).isTrue();
                assertThat(sample.get("digest").isNull()).isTrue();
                if (sample.get("eventsTotal").asLong() > 0) {
                    assertThat(processed).isLessThanOrEqualTo(sample.get("eventsTotal").asLong());
                }
            }
            previous = processed;
        }

        theSameStreamGivesTheSameDigest();
        JsonNode latest = api.get("/api/finance/ledger/replays?limit=2", finance.accessToken()).expectStatus(200).json();
        assertThat(latest.get("items")).hasSize(2);
        assertThat(Instant.parse(latest.get("items").get(0).get("startedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(latest.get("items").get(1).get("startedAt").asString()));
    }

    /**
     * Two replays with no event between them read the same stream, and must agree byte for byte.
     * Other tests' deadlines may add an event between two replays; then the pair is tried again.
     */
    private void theSameStreamGivesTheSameDigest() {
        for (int attempt = 0; attempt < 5; attempt++) {
            JsonNode first = replayToTheEnd(new ArrayList<>());
            JsonNode second = replayToTheEnd(new ArrayList<>());
            if (first.get("eventsTotal").asLong() == second.get("eventsTotal").asLong()) {
                assertThat(second.get("replayId").asString()).isNotEqualTo(first.get("replayId").asString());
                assertThat(second.get("digest").asString()).isEqualTo(first.get("digest").asString());
                assertThat(second.get("matches").asBoolean()).isTrue();
                return;
            }
        }
        throw new AssertionError("the stream never stood still between two replays");
    }

    @Test
    void aLiveEntryAlteredBehindTheLedgersBackIsReportedAsADifference() {
        Session host = api.newHost("Tampered Host");
        payForSeats(host, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(host), pending -> pending == NET * GUESTS);
        String pending = "host:" + host.userId() + ":pending";
        String oneEntry = jdbc.queryForObject("select entry_id from ledger_entries where account = ? limit 1", String.class, pending);

        jdbc.update("update ledger_entries set amount = amount - 1 where entry_id = ?", oneEntry);
        try {
            JsonNode replay = replayToTheEnd(new ArrayList<>());

            assertThat(replay.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(replay.get("matches").asBoolean()).isFalse();
            assertThat(replay.get("differences")).hasSize(1);
            JsonNode difference = replay.get("differences").get(0);
            assertThat(difference.get("account").asString()).isEqualTo(pending);
            assertThat(difference.get("currency").asString()).isEqualTo("EUR");
            assertThat(difference.get("live").get("amount").asLong()).isEqualTo(-(NET * GUESTS) - 1);
            assertThat(difference.get("replayed").get("amount").asLong()).isEqualTo(-(NET * GUESTS));
            assertThat(difference.get("replayed").get("currency").asString()).isEqualTo("EUR");
        } finally {
            jdbc.update("update ledger_entries set amount = amount + 1 where entry_id = ?", oneEntry);
        }
        assertThat(replayToTheEnd(new ArrayList<>()).get("matches").asBoolean()).as("repaired, it matches again").isTrue();
    }

    @Test
    void theTrialBalanceBeforeAPaymentLeavesItOutAndAfterItHasIt() {
        Session host = api.newHost("Point In Time Host");
        Session guest = api.newUser("Point In Time Guest");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Tasting", List.of(Gatherings.tier("Seat", PRICE, 5))));
        String paymentId = book(guest, gatheringId, Gatherings.firstTierId(api, gatheringId));
        String pending = "host:" + host.userId() + ":pending";

        Instant before = Instant.now();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingOf(host), amount -> amount == NET);
        Instant after = Instant.now();

        JsonNode then = trialBalance(before);
        JsonNode now = trialBalance(after);
        assertThat(then.get("balanced").asBoolean()).isTrue();
        assertThat(now.get("balanced").asBoolean()).isTrue();
        assertThat(balanceOf(then, pending)).isNull();
        assertThat(balanceOf(now, pending)).isEqualTo(-NET);
    }

    @Test
    void aSecondReplayWhileOneRunsIsAConflictAndOneLeftByAStoppedProcessIsInterrupted() {
        UUID elsewhere = UUID.randomUUID();
        // As another replica records a replay it is running: a fresh heartbeat.
        jdbc.update("""
                insert into ledger_replays (replay_id, status, requested_by, started_at, heartbeat_at, head_position)
                values (?, 'RUNNING', 'finance-elsewhere', now(), now(), 0)""", elsewhere);
        try {
            Response refused = api.post("/api/finance/ledger/replays", finance.accessToken(), null);
            refused.expectStatus(409);
            assertThat(refused.code()).isEqualTo("STATE_CONFLICT");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

            // That replica stops: its heartbeat ages past soiree.ledger.replay.stale-after.
            jdbc.update("update ledger_replays set heartbeat_at = ? where replay_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofHours(1))), elsewhere);
            JsonNode interrupted = api.get("/api/finance/ledger/replays/" + elsewhere, finance.accessToken()).expectStatus(200).json();
            assertThat(interrupted.get("status").asString()).isEqualTo("FAILED");
            assertThat(interrupted.get("failure").asString()).startsWith("interrupted");
            assertThat(interrupted.get("finishedAt").isNull()).isFalse();
        } finally {
            // Never leave a replay "running" for the tests after this one.
            jdbc.update("update ledger_replays set status = 'FAILED', failure = 'test' where replay_id = ? and status = 'RUNNING'", elsewhere);
        }
        assertThat(replayToTheEnd(new ArrayList<>()).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void replaysAreForFinanceOnly() {
        Session guest = api.newUser("Curious Guest");
        Session host = api.newHost("Curious Host");
        String someReplay = "/api/finance/ledger/replays/" + UUID.randomUUID();
        for (Session notFinance : List.of(guest, host, support)) {
            Response start = api.post("/api/finance/ledger/replays", notFinance.accessToken(), null);
            start.expectStatus(403);
            assertThat(start.code()).isEqualTo("FORBIDDEN");
            api.get("/api/finance/ledger/replays", notFinance.accessToken()).expectStatus(403);
            api.get(someReplay, notFinance.accessToken()).expectStatus(403);
        }
        api.post("/api/finance/ledger/replays", null, null).expectStatus(401);
        api.get("/api/finance/ledger/replays", null).expectStatus(401);
        api.get(someReplay, null).expectStatus(401);

        Response unknown = api.get(someReplay, finance.accessToken());
        unknown.expectStatus(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(api.get("/api/finance/ledger/replays/not-a-uuid", finance.accessToken()).expectStatus(400).code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/api/finance/ledger/replays?limit=0", finance.accessToken()).expectStatus(400).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    /** Starts a replay and follows it, keeping every answer seen on the way, until it has finished. */
    private JsonNode replayToTheEnd(List<JsonNode> samples) {
        JsonNode started = api.post("/api/finance/ledger/replays", finance.accessToken(), null).expectStatus(202).json();
        String replayId = started.get("replayId").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode replay = api.get("/api/finance/ledger/replays/" + replayId, finance.accessToken()).expectStatus(200).json();
            samples.add(replay);
            return replay;
        }, replay -> !replay.get("status").asString().equals("RUNNING"));
    }

    /** {@link #GUESTS} guests each pay for a seat at each of {@code gatherings} new gatherings of the host; returns the seats paid. */
    private int payForSeats(Session host, int gatherings) {
        List<Session> guests = new ArrayList<>();
        for (int i = 0; i < GUESTS; i++) {
            guests.add(api.newUser("Replay Guest " + i));
        }
        try (ExecutorService clients = Executors.newFixedThreadPool(6)) {
            for (int round = 0; round < gatherings; round++) {
                String gatheringId = Gatherings.publish(api, host,
                        Gatherings.gathering("Supper " + round, List.of(Gatherings.tier("Seat", PRICE, GUESTS))));
                String tierId = Gatherings.firstTierId(api, gatheringId);
                List<Future<?>> payments = new ArrayList<>();
                for (Session guest : guests) {
                    payments.add(clients.submit(() -> {
                        String paymentId = book(guest, gatheringId, tierId);
                        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded"))
                                .expectStatus(202);
                    }));
                }
                for (Future<?> payment : payments) {
                    payment.get();
                }
            }
        } catch (Exception e) {
            throw new AssertionError("paying for seats failed", e);
        }
        return GUESTS * gatherings;
    }

    /**
     * The rest of the stream: a host working on drafts, where every edit is an event (cheaper to make
     * by the thousand than paid seats). Edits until the event store holds {@code eventsAtLeast} events,
     * then waits until the read model shows the last edits, so that no backlog is left to the tests after.
     */
    private void editDraftsUntilTheStreamHolds(Session host, int eventsAtLeast) {
        int drafts = 8;
        int editsPerDraftAndRound = 25;
        List<String> draftIds = new ArrayList<>();
        for (int i = 0; i < drafts; i++) {
            draftIds.add(api.post("/api/gatherings", host.accessToken(), Gatherings.gathering("Draft " + i,
                    List.of(Gatherings.tier("Seat", PRICE, 10)))).expectStatus(201).json().get("gatheringId").asString());
        }
        String lastTitle = null;
        try (ExecutorService clients = Executors.newFixedThreadPool(drafts)) {
            int round = 0;
            while (eventsInTheStore() < eventsAtLeast) {
                lastTitle = "Draft " + round + "." + (editsPerDraftAndRound - 1);
                int thisRound = round++;
                List<Future<?>> edits = new ArrayList<>();
                for (String draftId : draftIds) {
                    edits.add(clients.submit(() -> {
                        for (int edit = 0; edit < editsPerDraftAndRound; edit++) {
                            api.patch("/api/gatherings/" + draftId, host.accessToken(), Map.of("title", "Draft " + thisRound + "." + edit))
                                    .expectStatus(200);
                        }
                    }));
                }
                for (Future<?> edit : edits) {
                    edit.get();
                }
            }
        } catch (Exception e) {
            throw new AssertionError("editing drafts failed", e);
        }
        String projectedTitle = lastTitle;
        for (String draftId : draftIds) {
            await().atMost(Duration.ofSeconds(120)).until(() -> api.get("/api/gatherings/" + draftId, host.accessToken()),
                    draft -> draft.status() == 200 && (projectedTitle == null || draft.json().get("title").asString().equals(projectedTitle)));
        }
    }

    private String book(Session guest, String gatheringId, String tierId) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json().get("payment").get("paymentId").asString();
    }

    private long eventsInTheStore() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private long pendingOf(Session host) {
        JsonNode balances = api.get("/api/me/wallet", host.accessToken()).expectStatus(200).json().get("balances");
        return balances.isEmpty() ? 0 : balances.get(0).get("pending").get("amount").asLong();
    }

    private JsonNode trialBalance(Instant asOf) {
        return api.get("/api/finance/ledger/trial-balance?asOf=" + asOf, finance.accessToken()).expectStatus(200).json();
    }

    /** The account's EUR balance in the trial balance; null when the account has no posting yet. */
    private static @Nullable Long balanceOf(JsonNode trialBalance, String account) {
        for (JsonNode line : trialBalance.get("accounts")) {
            if (line.get("account").asString().equals(account) && line.get("currency").asString().equals("EUR")) {
                return line.get("balance").get("amount").asLong();
            }
        }
        return null;
    }
}
