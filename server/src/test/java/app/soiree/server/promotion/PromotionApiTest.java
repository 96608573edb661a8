package app.soiree.server.promotion;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.promotion.PayForPromotion;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.command.ledger.HostWallet;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hosts promote their gatherings with money from their wallet, over HTTP against the whole platform: the wallet, the
 * journal and the trial balance show the payment, a cancellation gives back the unused share, and a ledger replay
 * still matches. Each test ends with a balanced trial balance and wallets that agree with the journal.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionApiTest {

    static final int SEATS = 2;
    static final long NET = HostEarnings.netFor(SEATS); // 4720

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    Serializer serializer;

    Api api;
    Session finance;
    /** Promotes in the tests that pay; its balance only goes down, so refusals for too little hold in any order. */
    Session spender;
    /** Promotes and has its gathering cancelled. */
    Session canceller;
    Session stranger;

    @BeforeAll
    void earn() {
        api = new Api(port);
        finance = Staff.of(api, port).finance();
        spender = api.newHost("Promoting Host");
        canceller = api.newHost("Cancelling Host");
        stranger = api.newHost("Other Host");
        HostEarnings.earn(api, events, List.of(spender, canceller), SEATS, HostEarnings.simulated(api));
    }

    @AfterEach
    void ledgerStillAddsUp() {
        LedgerChecks.assertTrialBalanceBalances(api, finance);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, spender);
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, canceller);
    }

    @Test
    void aHostPromotesAGatheringFromTheAvailableBalanceAndTheLedgerShowsThePayment() {
        long before = available(spender);
        String gatheringId = upcoming(spender);
        Instant from = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant until = from.plus(Duration.ofDays(2));

        JsonNode created = promote(spender, gatheringId, 1000, from, until, UUID.randomUUID().toString()).expectStatus(201).json();

        String promotionId = created.get("promotionId").asString();
        assertThat(created.get("status").asString()).isEqualTo("SCHEDULED");
        await().atMost(Duration.ofSeconds(20)).until(() -> available(spender) == before - 1000);
        JsonNode promotions = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/gatherings/" + gatheringId + "/promotions", spender.accessToken()).expectStatus(200).json(),
                list -> list.size() == 1);
        assertThat(promotions.get(0).get("promotionId").asString()).isEqualTo(promotionId);
        assertThat(promotions.get(0).get("budget").get("amount").asLong()).isEqualTo(1000);
        assertThat(promotions.get(0).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(promotions.get(0).get("from").asString())).isEqualTo(from);
        assertThat(promotions.get(0).get("refunded").isNull()).isTrue();
        JsonNode credited = await().atMost(Duration.ofSeconds(20)).until(() -> entryOf("platform:promotions", "promotion:" + promotionId),
                entry -> entry != null);
        assertThat(credited.get("amount").get("amount").asLong()).as("a credit of platform revenue").isEqualTo(-1000);
        assertThat(credited.get("eventType").asString()).endsWith("PromotionPaid");
        assertThat(trialBalanceHas("platform:promotions")).isTrue();
        Map<String, Object> row = jdbc.queryForMap("select * from gathering_promotions where promotion_id = ?::uuid", promotionId);
        assertThat(row).containsEntry("status", "PAID").containsEntry("budget_minor", 1000L).containsEntry("currency", "EUR");
        assertThat(walletEntryReferences(spender)).contains("promotion:" + promotionId);
    }

    @Test
    void aGatheringPromotedNowReachesTheFeedsOfReadersWhoDoNotFollowItsHostMarkedPromoted() {
        String gatheringId = upcoming(spender);
        Session reader = api.newUser("Feed Reader");
        Session follower = api.newUser("Follower");
        api.post("/api/users/" + spender.userId() + "/follow", follower.accessToken(), null).expectStatus(200);
        Instant from = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

        promote(spender, gatheringId, 500, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString()).expectStatus(201);

        JsonNode item = await().atMost(Duration.ofSeconds(20)).until(() -> feedItem(reader, gatheringId), found -> found != null);
        assertThat(item.get("reason").asString()).isEqualTo("PROMOTED");
        assertThat(item.get("promoted").asBoolean()).isTrue();
        JsonNode followed = await().atMost(Duration.ofSeconds(20)).until(() -> feedItem(follower, gatheringId),
                found -> found != null && found.get("promoted").asBoolean());
        assertThat(followed.get("reason").asString()).as("following comes first, and it says it is promoted").isEqualTo("FOLLOWING");
    }

    private JsonNode feedItem(Session reader, String gatheringId) {
        for (JsonNode item : api.get("/api/me/feed?limit=100", reader.accessToken()).expectStatus(200).json().get("items")) {
            if (item.get("gathering").get("gatheringId").asString().equals(gatheringId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSamePromotionAndPaysOnceAndAnotherBodyIsAConflict() {
        String gatheringId = upcoming(spender);
        Instant from = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String key = UUID.randomUUID().toString();
        long before = available(spender);

        JsonNode first = promote(spender, gatheringId, 500, from, from.plus(Duration.ofDays(1)), key).expectStatus(201).json();
        JsonNode again = promote(spender, gatheringId, 500, from, from.plus(Duration.ofDays(1)), key).expectStatus(201).json();
        Response other = promote(spender, gatheringId, 600, from, from.plus(Duration.ofDays(1)), key);

        assertThat(again.get("promotionId").asString()).isEqualTo(first.get("promotionId").asString());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + gatheringId + "/promotions", spender.accessToken())
                .json().size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> available(spender) == before - 500);
        Response withoutKey = api.post("/api/gatherings/" + gatheringId + "/promotions", spender.accessToken(),
                body(500, from, from.plus(Duration.ofDays(1))));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aBudgetBeyondTheAvailableBalanceIsRefused() {
        String gatheringId = upcoming(spender);
        Instant from = Instant.now().plus(Duration.ofHours(1));

        Response refused = promote(spender, gatheringId, NET + 1, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.get("/api/gatherings/" + gatheringId + "/promotions", spender.accessToken()).expectStatus(200).json()).isEmpty();
    }

    @Test
    void aGatheringThatIsNotTheCallersIsNotFound() {
        String gatheringId = upcoming(spender);
        Instant from = Instant.now().plus(Duration.ofHours(1));
        Session guest = api.newUser("Curious Guest");

        for (Session who : List.of(stranger, guest)) {
            Response refused = promote(who, gatheringId, 500, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString());
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("NOT_FOUND");
            assertThat(api.get("/api/gatherings/" + gatheringId + "/promotions", who.accessToken()).status()).isEqualTo(404);
        }
        assertThat(promote(spender, UUID.randomUUID().toString(), 500, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString())
                .status()).isEqualTo(404);
    }

    @Test
    void badWindowsAndBudgetsAreRefusedFieldByField() {
        String gatheringId = upcoming(spender); // starts in seven days
        Instant from = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        assertInvalid(promote(spender, gatheringId, 500, from, from.minusSeconds(1), UUID.randomUUID().toString()), "until");
        assertInvalid(promote(spender, gatheringId, 500, from, from.plus(Duration.ofDays(8)), UUID.randomUUID().toString()), "until");
        assertInvalid(promote(spender, gatheringId, 99, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString()), "budget.amount");
        Response noWindow = api.postOnce("/api/gatherings/" + gatheringId + "/promotions", spender.accessToken(),
                Map.of("budget", money(500)));
        assertThat(noWindow.status()).isEqualTo(400);
    }

    @Test
    void aDraftIsNotPromotable() {
        String draftId = api.post("/api/gatherings", spender.accessToken(),
                Gatherings.gathering("Unpublished Supper", List.of(Gatherings.tier("Seat", 2500, 4)))).expectStatus(201)
                .json().get("gatheringId").asString();
        awaitKnown(draftId, "DRAFT");
        Instant from = Instant.now().plus(Duration.ofHours(1));

        Response refused = promote(spender, draftId, 500, from, from.plus(Duration.ofDays(1)), UUID.randomUUID().toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("NOT_PROMOTABLE");
    }

    /**
     * Two promotions of one gathering: one whose window has not opened (all of it comes back) and one under way (the
     * unused share comes back, rounded up in the host's favour, measured at the cancellation event's own time).
     */
    @Test
    void aCancelledGatheringsPromotionsAreRefundedProRataAndAReplayStillMatches() {
        long before = available(canceller);
        String gatheringId = upcoming(canceller);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant laterFrom = now.plus(Duration.ofDays(1));
        Instant runningFrom = now.minus(Duration.ofHours(1));
        Instant runningUntil = now.plus(Duration.ofHours(1));
        String later = promote(canceller, gatheringId, 1000, laterFrom, laterFrom.plus(Duration.ofDays(1)), UUID.randomUUID().toString())
                .expectStatus(201).json().get("promotionId").asString();
        JsonNode running = promote(canceller, gatheringId, 1200, runningFrom, runningUntil, UUID.randomUUID().toString())
                .expectStatus(201).json();
        assertThat(running.get("status").asString()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> available(canceller) == before - 2200);

        api.post("/api/gatherings/" + gatheringId + "/cancel", canceller.accessToken(), Map.of("reason", "The chef is ill"))
                .expectStatus(200);

        Instant cancelledAt = cancellationTime(gatheringId);
        long windowMillis = Duration.between(runningFrom, runningUntil).toMillis();
        long unusedMillis = Duration.between(cancelledAt, runningUntil).toMillis();
        long expectedShare = Math.ceilDiv(1200 * unusedMillis, windowMillis);
        assertThat(expectedShare).isBetween(1L, 1200L);
        JsonNode promotions = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/gatherings/" + gatheringId + "/promotions", canceller.accessToken()).expectStatus(200).json(),
                list -> list.size() == 2 && list.get(0).get("status").asString().equals("REFUNDED")
                        && list.get(1).get("status").asString().equals("REFUNDED"));
        for (JsonNode promotion : promotions) {
            long refunded = promotion.get("refunded").get("amount").asLong();
            assertThat(refunded).isEqualTo(promotion.get("promotionId").asString().equals(later) ? 1000 : expectedShare);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> available(canceller) == before - 2200 + 1000 + expectedShare);
        assertThat(walletEntryReferences(canceller)).contains("promotion:" + later);
        assertThat(jdbc.queryForObject("select count(*) from gathering_promotions where gathering_id = ?::uuid and status = 'REFUNDED'",
                Long.class, gatheringId)).isEqualTo(2);
        // The host hears of each refund, in the inbox (and on the channels their settings choose).
        List<String> refundNotices = await().atMost(Duration.ofSeconds(30)).until(() -> promotionRefundTitles(canceller, gatheringId),
                titles -> titles.size() == 2);
        assertThat(refundNotices).containsExactlyInAnyOrder(
                "10.00 EUR of your promotion of Supper to promote is refunded",
                "%d.%02d EUR of your promotion of Supper to promote is refunded".formatted(expectedShare / 100, expectedShare % 100));

        LedgerChecks.assertTrialBalanceBalances(api, finance);
        JsonNode replay = replayToTheEnd();
        assertThat(replay.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(replay.get("matches").asBoolean()).as("replay %s", replay).isTrue();
    }

    /**
     * The other order: the cancellation is in the stream before the payment (a payment that raced it past the door,
     * which still saw the gathering published). The processor remembers the cancellation and refunds the payment
     * when it comes, all of it since the window had not opened.
     */
    @Test
    void aPromotionPaidAfterItsGatheringWasCancelledIsRefundedInFull() {
        long before = available(canceller);
        String gatheringId = upcoming(canceller);
        api.post("/api/gatherings/" + gatheringId + "/cancel", canceller.accessToken(), Map.of("reason", "Double booked")).expectStatus(200);
        UserId hostId = UserId.of(canceller.userId());
        PromotionId promotionId = new PromotionId(UUID.randomUUID());
        Instant from = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

        commands.sendAndWait(new PayForPromotion(HostWalletId.forHost(hostId), hostId, promotionId,
                new GatheringId(UUID.fromString(gatheringId)), Money.of(400, "EUR"), from, from.plus(Duration.ofDays(1))));

        Map<String, Object> row = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select status, refunded_minor from gathering_promotions where promotion_id = ?", promotionId.value()),
                rows -> rows.size() == 1 && "REFUNDED".equals(rows.getFirst().get("status"))).getFirst();
        assertThat(row.get("refunded_minor")).isEqualTo(400L);
        await().atMost(Duration.ofSeconds(20)).until(() -> available(canceller) == before);
    }

    /** The wallet is snapshotted; one rebuilt from its snapshot must still know what it paid, or a repeat would pay twice. */
    @Test
    void aWalletRebuiltFromItsSnapshotStillKnowsItsPromotions() {
        String gatheringId = upcoming(spender);
        UserId hostId = UserId.of(spender.userId());
        HostWalletId walletId = HostWalletId.forHost(hostId);
        Instant from = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        PayForPromotion pay = new PayForPromotion(walletId, hostId, new PromotionId(UUID.randomUUID()), new GatheringId(UUID.fromString(gatheringId)),
                Money.of(300, "EUR"), from, from.plus(Duration.ofDays(1)));
        commands.sendAndWait(pay);
        long paidOnce = await().atMost(Duration.ofSeconds(20)).until(() -> promotionsPaid(walletId), count -> count > 0);

        snapshotter.scheduleSnapshot(HostWallet.class, walletId.toString());
        SimpleSerializedObject<byte[]> snapshot = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query(
                "select payload, payload_type, payload_revision from snapshot_event_entry where aggregate_identifier = ? "
                        + "order by sequence_number desc limit 1",
                (row, index) -> new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class, row.getString("payload_type"),
                        row.getString("payload_revision")), walletId.toString()).stream().findFirst().orElse(null),
                found -> found != null && new String(found.getData(), java.nio.charset.StandardCharsets.UTF_8).contains(pay.promotionId().toString()));
        assertThat(snapshot.getType().getRevision()).isEqualTo("3");
        Object restored = serializer.deserialize(snapshot);
        assertThat(restored).isInstanceOf(HostWallet.class);

        commands.sendAndWait(pay);
        assertThatThrownBy(() -> commands.sendAndWait(new PayForPromotion(walletId, hostId, pay.promotionId(), pay.gatheringId(),
                Money.of(301, "EUR"), pay.from(), pay.until()))).satisfies(refused ->
                assertThat(CommandFailures.codeOf(refused)).contains(ErrorCode.STATE_CONFLICT));
        assertThat(promotionsPaid(walletId)).isEqualTo(paidOnce);
    }

    // --- helpers

    private long promotionsPaid(HostWalletId walletId) {
        return events.readEvents(walletId.toString(), 0L).asStream().filter(message -> message.getPayload() instanceof PromotionPaid).count();
    }

    /** A published gathering a week from now, once the promotion context knows it is published. */
    private String upcoming(Session host) {
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Supper to promote",
                List.of(Gatherings.tier("Seat", 2500, 10))));
        awaitKnown(gatheringId, "PUBLISHED");
        return gatheringId;
    }

    /** The promotion context learns of gatherings from the stream, a moment after they change. */
    private void awaitKnown(String gatheringId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select status from promotion_gatherings where gathering_id = ?::uuid", String.class, gatheringId),
                statuses -> statuses.contains(status));
    }

    private Response promote(Session host, String gatheringId, long budget, Instant from, Instant until, String key) {
        return api.post("/api/gatherings/" + gatheringId + "/promotions", host.accessToken(), body(budget, from, until),
                Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> body(long budget, Instant from, Instant until) {
        return Map.of("budget", money(budget), "from", from.toString(), "until", until.toString());
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body()).contains("\"" + field + "\"");
    }

    private long available(Session host) {
        return LedgerChecks.walletOf(api, host).getOrDefault("EUR:available", 0L);
    }

    private Instant cancellationTime(String gatheringId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> events.readEvents(gatheringId).asStream()
                .map(message -> message.getPayload()).filter(GatheringCancelled.class::isInstance).map(GatheringCancelled.class::cast)
                .map(GatheringCancelled::cancelledAt).findFirst().orElse(null), at -> at != null);
    }

    private JsonNode entryOf(String account, String reference) {
        JsonNode page = api.get("/api/finance/ledger/accounts/" + account + "/entries?limit=100", finance.accessToken()).expectStatus(200)
                .json();
        String cursor;
        do {
            for (JsonNode entry : page.get("items")) {
                if (entry.get("reference").asString().equals(reference)) {
                    return entry;
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
            if (cursor != null) {
                page = api.get("/api/finance/ledger/accounts/" + account + "/entries?limit=100&cursor="
                        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8), finance.accessToken()).json();
            }
        } while (cursor != null);
        return null;
    }

    private boolean trialBalanceHas(String account) {
        for (JsonNode line : api.get("/api/finance/ledger/trial-balance", finance.accessToken()).expectStatus(200).json().get("accounts")) {
            if (line.get("account").asString().equals(account)) {
                return true;
            }
        }
        return false;
    }

    private List<String> walletEntryReferences(Session host) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> references = new java.util.ArrayList<>();
            for (JsonNode entry : api.get("/api/me/wallet/entries?limit=100", host.accessToken()).expectStatus(200).json().get("items")) {
                references.add(entry.get("reference").asString());
            }
            return references;
        }, references -> references.stream().anyMatch(reference -> reference.startsWith("promotion:")));
    }

    private JsonNode replayToTheEnd() {
        String replayId = api.post("/api/finance/ledger/replays", finance.accessToken(), null).expectStatus(202).json()
                .get("replayId").asString();
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/finance/ledger/replays/" + replayId, finance.accessToken()).expectStatus(200).json(),
                replay -> !replay.get("status").asString().equals("RUNNING"));
    }

    private List<String> promotionRefundTitles(Session host, String gatheringId) {
        return api.get("/api/me/notifications?limit=100", host.accessToken()).expectStatus(200).json().get("items").valueStream()
                .filter(item -> item.get("kind").asString().equals("PROMOTION_REFUNDED")
                        && item.get("data").path("gatheringId").asString("").equals(gatheringId))
                .map(item -> item.get("title").asString()).toList();
    }
}
