package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.ProviderTest;
import app.soiree.server.support.Staff;
import app.soiree.server.support.Uploads;
import app.soiree.store.ObjectStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * What the dispute tests of either provider stand on: a host's gathering of ten seats, paid bookings of it, support
 * and finance staff. Every test ends with a balanced ledger and a wallet that agrees with the journal.
 */
abstract class DisputeFixture extends ProviderTest {

    static final long PRICE = 2500;
    /** 5 % of 2500 plus 30 (application.yml). */
    static final long NET = 2345;
    /** soiree.disputes.fee.EUR (application.yml); hosts do not bear it by default. */
    static final long DISPUTE_FEE = 2000;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ObjectStore objectStore;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    Environment environment;
    Uploads uploads;
    Evidence evidenceStore;
    Session host;
    Session guest;
    Session support;
    Session finance;
    String gatheringId;
    String tierId;
    private int bookings;

    @BeforeEach
    void setUp() {
        connect();
        uploads = new Uploads(port);
        evidenceStore = new Evidence(objectStore, Path.of(environment.getRequiredProperty("soiree.data-dir"), "objects"));
        Staff staff = Staff.of(api, port);
        support = staff.support();
        finance = staff.finance();
        host = api.newHost("Disputed Host");
        guest = api.newUser("Disputing Guest");
        gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Dinner", List.of(Gatherings.tier("Seat", PRICE, 10))));
        tierId = Gatherings.firstTierId(api, gatheringId);
    }

    @AfterEach
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        } finally {
            provider.afterEach();
        }
    }

    /** A guest books one seat per gathering, so every booking after the first is another guest's. */
    Booked book() {
        Session bookingGuest = bookings++ == 0 ? guest : api.newUser("Another Guest");
        String bookingId = UUID.randomUUID().toString();
        JsonNode booking = api.postOnce("/api/bookings", bookingGuest.accessToken(),
                Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", 1)).expectStatus(201).json();
        return new Booked(bookingId, booking.get("payment").get("paymentId").asString(), gatheringId, PRICE);
    }

    /** A booked seat whose payment the provider captured, with the host's net pending. */
    Booked paidBooking() {
        Booked paid = book();
        provider.pay(support, paid);
        awaitBooked("payment:" + paid.paymentId());
        return paid;
    }

    /** The guest's bank disputes the whole payment as fraudulent. */
    void dispute(Booked paid) {
        provider.dispute(support, paid, PRICE, "fraudulent");
    }

    void decide(Booked paid, boolean won) {
        provider.decideDispute(support, paid, won);
    }

    /**
     * Waits until the journal has the host's pending entry of this business reference and the wallet has caught up
     * with the journal: other postings of the host may still be on their way, so no total is assumed.
     */
    void awaitBooked(String reference) {
        await().atMost(WAIT).until(() -> {
            JsonNode page = api.get("/api/finance/ledger/accounts/host:" + host.userId() + ":pending/entries?limit=100", finance.accessToken())
                    .expectStatus(200).json();
            for (JsonNode entry : page.get("items")) {
                if (reference.equals(entry.get("reference").asString())) {
                    return true;
                }
            }
            return false;
        });
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
    }

    /**
     * A file as support uploaded it before the object store: its bytes in {@code dispute_evidence_files.content}, and
     * recorded on the dispute as the upload did then. Answers its id.
     */
    String legacyFile(String disputeId, String fileName, byte[] content) {
        UUID fileId = UUID.randomUUID();
        String sha256 = Evidence.sha256(content);
        jdbc.update("""
                insert into dispute_evidence_files
                    (file_id, dispute_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (?, ?::uuid, ?, 'application/pdf', ?, ?, ?, ?::uuid, now())""",
                fileId, disputeId, fileName, content.length, sha256, content, support.userId());
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordEvidenceFile(DisputeId.of(disputeId),
                new EvidenceFileId(fileId), fileName, "application/pdf", content.length, sha256, UserId.of(support.userId())))
                .withMetaData(asSupport()));
        return fileId.toString();
    }

    /** Metadata naming the support member as a command's sender, as the console sends it. */
    Map<String, Object> asSupport() {
        return Map.of(Actor.USER_ID_KEY, support.userId(), Actor.ROLES_KEY, "SUPPORT");
    }

    static String staff(String disputeId) {
        return "/api/staff/disputes/" + disputeId;
    }

    static String files(String disputeId) {
        return staff(disputeId) + "/files";
    }

    List<JsonNode> hostDisputes() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/me/disputes", host.accessToken()).expectStatus(200).json().get("items").forEach(items::add);
        return items;
    }

    JsonNode awaitHostDispute() {
        return await().atMost(WAIT).until(this::hostDisputes, items -> !items.isEmpty()).getFirst();
    }

    String disputeOf(String paymentId) {
        return await().atMost(WAIT).until(() -> hostDisputes().stream()
                .map(item -> getDispute(item.get("disputeId").asString()))
                .filter(dispute -> dispute != null && dispute.get("paymentId").asString().equals(paymentId))
                .map(dispute -> dispute.get("disputeId").asString()).findFirst().orElse(null), id -> id != null);
    }

    @Nullable JsonNode getDispute(String disputeId) {
        Response response = api.get(staff(disputeId), support.accessToken());
        return response.status() == 200 ? response.json() : null;
    }

    JsonNode awaitDispute(String disputeId, String status) {
        return await().atMost(WAIT).until(() -> getDispute(disputeId), d -> d != null && status.equals(d.get("status").asString()));
    }

    void awaitWallet(Map<String, Long> expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(LedgerChecks.walletOf(api, host)).isEqualTo(new HashMap<>(expected)));
    }

    static List<String> whats(JsonNode dispute) {
        List<String> whats = new ArrayList<>();
        dispute.get("timeline").forEach(entry -> whats.add(entry.get("what").asString()));
        return whats;
    }

    static JsonNode find(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (type.equals(event.get("type").asString())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + events);
    }

    /** What the journal booked to platform:losses for this dispute, through the finance API. */
    long lossesFor(String disputeId) {
        long total = 0;
        String cursor = null;
        do {
            JsonNode page = api.get("/api/finance/ledger/accounts/platform:losses/entries?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), finance.accessToken())
                    .expectStatus(200).json();
            for (JsonNode entry : page.get("items")) {
                if (("dispute:" + disputeId).equals(entry.get("reference").asString())) {
                    total += entry.get("amount").get("amount").asLong();
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return total;
    }

    /** How many events of this type the payment's aggregate has. */
    int count(String paymentId, Class<?> type) {
        return (int) events.readEvents(PaymentId.of(paymentId).toString()).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).count();
    }
}
