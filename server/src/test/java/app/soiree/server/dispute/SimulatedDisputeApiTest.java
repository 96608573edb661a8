package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.RefusingTrigger;
import app.soiree.server.support.Uploads;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Disputes over HTTP with the embedded simulated provider, beyond the provider contract ({@link DisputeContract}): the
 * simulator opens and decides them through its development endpoint, support works on them through the staff API
 * (evidence, files, the queue, who may do what), hosts see their own, the console's queue is live. Every test ends
 * with a balanced ledger and a wallet that agrees with the journal.
 */
@IntegrationTest
class SimulatedDisputeApiTest extends DisputeFixture {

    @Autowired
    QueryGateway queries;

    @Test
    void aDisputeTheSimulatorOpensAndTheEventThatReportsItCommitTogether() {
        Booked paid = paidBooking();
        try (RefusingTrigger ignored = RefusingTrigger.onProviderEvents(jdbc, "insert",
                "new.event_type like 'dispute.%' and new.payload like '%" + paid.paymentId() + "%'")) {
            assertThat(outcome(paid.paymentId(), Map.of("outcome", "disputed")).status()).isEqualTo(500);
            // Not opened without its report: a retry would have been refused as disputed already, and Soiree never told.
            assertThat(jdbc.queryForObject("select count(*) from simulated_disputes where payment_id = ?::uuid", Long.class,
                    paid.paymentId())).isZero();
        }

        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        awaitHostDispute();
    }

    @Test
    void aLostDisputeIsGoneFromTheWalletAndThePlatformLosesItsFee() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));

        outcome(paid.paymentId(), Map.of("outcome", "dispute_lost")).expectStatus(202);

        awaitDispute(disputeId, "LOST");
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
        await().atMost(WAIT).until(() -> lossesFor(disputeId), loss -> loss == DISPUTE_FEE);
        // decided once: the simulator has nothing more to decide
        assertThat(outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).status()).isEqualTo(409);
    }

    @Test
    void aPaymentUnderDisputeIsNotRefundedUntilTheDisputeIsDecided() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed", "amount", 1000)).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");

        Response refused = api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", paid.bookingId(), "amount", Gatherings.money(500), "reason", "goodwill"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("REFUND_NOT_ALLOWED");

        outcome(paid.paymentId(), Map.of("outcome", "dispute_lost")).expectStatus(202);
        awaitDispute(disputeId, "LOST");
        // the lost 1000 went back to the guest through the bank: only the other 1500 can still be refunded
        await().atMost(WAIT).until(() -> api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", paid.bookingId(), "amount", Gatherings.money(1501), "reason", "goodwill")).code(),
                "REFUND_EXCEEDS_CAPTURED"::equals);
        api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", paid.bookingId(), "amount", Gatherings.money(1500), "reason", "goodwill")).expectStatus(201);
        // the simulator confirms the refund; the host's share of it leaves pending: round(1500 * 2345 / 2500) = 1407
        awaitWallet(Map.of("EUR:pending", NET - 1000 - 1407));
    }

    /** Issue 12: a client's evidence key names evidence within its dispute only, never another dispute's. */
    @Test
    void anEvidenceKeyIsScopedToItsDispute() {
        Booked first = paidBooking();
        outcome(first.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String firstDispute = disputeOf(first.paymentId());
        Booked second = paidBooking();
        outcome(second.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String secondDispute = disputeOf(second.paymentId());
        String key = UUID.randomUUID().toString();

        String inFirst = api.post(staff(firstDispute) + "/evidence", support.accessToken(), Map.of("evidenceId", key, "text", "First"))
                .expectStatus(200).json().get("evidenceId").asString();
        String retried = api.post(staff(firstDispute) + "/evidence", support.accessToken(), Map.of("evidenceId", key, "text", "First"))
                .expectStatus(200).json().get("evidenceId").asString();
        String inSecond = api.post(staff(secondDispute) + "/evidence", support.accessToken(), Map.of("evidenceId", key, "text", "Second"))
                .expectStatus(200).json().get("evidenceId").asString();

        assertThat(retried).isEqualTo(inFirst);
        assertThat(inSecond).isNotEqualTo(inFirst);
        await().atMost(WAIT).until(() -> getDispute(secondDispute).get("evidence").size() == 1);
        await().atMost(WAIT).until(() -> getDispute(firstDispute).get("evidence").size() == 1);
        assertThat(getDispute(firstDispute).get("evidence").get(0).get("text").asString()).isEqualTo("First");
        assertThat(getDispute(secondDispute).get("evidence").get(0).get("text").asString()).isEqualTo("Second");
    }

    @Test
    void supportAddsEvidenceWithAFileAndSubmitsIt() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");

        byte[] receipt = Uploads.pdf("Receipt for booking " + paid.bookingId());
        JsonNode file = uploads.upload(files(disputeId), support.accessToken(), "file", "receipt.pdf", "application/pdf", receipt)
                .expectStatus(201).json();
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(receipt.length);
        String fileId = file.get("fileId").asString();
        JsonNode photo = uploads.upload(files(disputeId), support.accessToken(), "file", "door.png", "image/png", Uploads.png())
                .expectStatus(201).json();

        JsonNode added = api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of(
                "text", "The guest checked in at 19:02; the receipt and a photo of the door list are attached.",
                "fileIds", List.of(fileId, photo.get("fileId").asString()))).expectStatus(200).json();
        assertThat(added.get("evidenceId").asString()).isNotBlank();
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "The guest also posted a review.")).expectStatus(200);

        // The bytes are in the object store under the file's id; the database keeps what was recorded, not the bytes.
        assertThat(evidenceStore.stored(fileId)).isEqualTo(receipt);
        assertThat(evidenceStore.stored(photo.get("fileId").asString())).isEqualTo(Uploads.png());
        assertThat(jdbc.queryForMap("select content, size_bytes, sha256 from dispute_evidence_files where file_id = ?::uuid", fileId))
                .containsEntry("content", null).containsEntry("size_bytes", (long) receipt.length)
                .containsEntry("sha256", Evidence.sha256(receipt));

        HttpResponse<byte[]> downloaded = uploads.download(files(disputeId) + "/" + fileId, support.accessToken());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(receipt);
        assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(downloaded.headers().firstValue("Content-Length")).hasValue(Integer.toString(receipt.length));
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains("receipt.pdf");
        HttpResponse<byte[]> head = uploads.download(files(disputeId) + "/" + fileId, support.accessToken(), "bytes=0-4");
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));

        JsonNode submitted = api.post(staff(disputeId) + "/submit", support.accessToken(), null).expectStatus(200).json();
        assertThat(submitted.get("status").asString()).isEqualTo("UNDER_REVIEW");
        api.post(staff(disputeId) + "/submit", support.accessToken(), null).expectStatus(200); // a second click changes nothing

        JsonNode dispute = awaitDispute(disputeId, "UNDER_REVIEW");
        assertThat(dispute.get("submittedBy").asString()).isEqualTo(support.userId());
        assertThat(dispute.get("evidence")).hasSize(2);
        assertThat(dispute.get("evidence").get(0).get("addedBy").asString()).isEqualTo(support.userId());
        assertThat(dispute.get("evidence").get(0).get("fileIds")).hasSize(2);
        assertThat(dispute.get("files")).hasSize(2);
        assertThat(dispute.get("files").get(0).get("uploadedBy").asString()).isEqualTo(support.userId());
        assertThat(whats(dispute)).containsSubsequence("PaymentDisputed", "EvidenceFileUploaded", "DisputeEvidenceAdded",
                "DisputeEvidenceSubmitted");
        // The simulator reports the submission as Stripe does, with an update to under_review.
        await().atMost(WAIT).until(() -> getDispute(disputeId).get("providerStatus").asString(), "UNDER_REVIEW"::equals);

        Response late = api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "one more thing"));
        assertThat(late.status()).isEqualTo(409);

        outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
        for (String action : List.of("/submit", "/accept")) {
            Response closed = api.post(staff(disputeId) + action, support.accessToken(), null);
            assertThat(closed.status()).as(action).isEqualTo(409);
            assertThat(closed.code()).as(action).isEqualTo("DISPUTE_CLOSED");
        }
        Response closedEvidence = api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "too late"));
        assertThat(closedEvidence.code()).isEqualTo("DISPUTE_CLOSED");
        Set<String> objectsBefore = evidenceStore.objects();
        Response closedFile = uploads.upload(files(disputeId), support.accessToken(), "file", "late.pdf", "application/pdf", Uploads.pdf("late"));
        assertThat(closedFile.code()).isEqualTo("DISPUTE_CLOSED");
        // refused by the dispute after the file was stored: its object is deleted again
        assertThat(evidenceStore.objects()).isEqualTo(objectsBefore);
    }

    @Test
    void evidenceFilesAreCheckedByTheirContentAndSize() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        Set<String> objectsBefore = evidenceStore.objects();

        Response script = uploads.upload(files(disputeId), support.accessToken(), "file", "receipt.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.status()).isEqualTo(422);
        assertThat(script.code()).isEqualTo("EVIDENCE_REJECTED");

        Response mislabelled = uploads.upload(files(disputeId), support.accessToken(), "file", "photo.jpg", "image/jpeg", Uploads.png());
        assertThat(mislabelled.code()).isEqualTo("EVIDENCE_REJECTED");

        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        byte[] header = Uploads.pdf("big");
        System.arraycopy(header, 0, tooLarge, 0, header.length);
        Response large = uploads.upload(files(disputeId), support.accessToken(), "file", "big.pdf", "application/pdf", tooLarge);
        assertThat(large.status()).isEqualTo(422);
        assertThat(large.code()).isEqualTo("EVIDENCE_REJECTED");

        Response empty = uploads.upload(files(disputeId), support.accessToken(), "file", "empty.pdf", "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);

        Response foreign = api.post(staff(disputeId) + "/evidence", support.accessToken(),
                Map.of("text", "see file", "fileIds", List.of(UUID.randomUUID().toString())));
        assertThat(foreign.code()).isEqualTo("EVIDENCE_REJECTED");
        Response nothing = api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", " "));
        assertThat(nothing.status()).isEqualTo(400);
        Response noEvidenceYet = api.post(staff(disputeId) + "/submit", support.accessToken(), null);
        assertThat(noEvidenceYet.code()).isEqualTo("EVIDENCE_REJECTED");

        // Nothing of the refused uploads was kept: no file on the dispute, no row, no object.
        assertThat(getDispute(disputeId).get("files")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from dispute_evidence_files where dispute_id = ?::uuid", Long.class, disputeId))
                .isZero();
        assertThat(evidenceStore.objects()).isEqualTo(objectsBefore);
        outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
        awaitDispute(disputeId, "WON");
    }

    @Test
    void aPaymentCanBeDisputedOnceAndOnlyAfterItSucceeded() throws Exception {
        String unpaid = book().paymentId();
        Response early = outcome(unpaid, Map.of("outcome", "disputed"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("PAYMENT_NOT_CAPTURED");
        assertThat(outcome(unpaid, Map.of("outcome", "dispute_won")).status()).isEqualTo(409);

        Booked paid = paidBooking();
        List<Response> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            List<java.util.concurrent.Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> outcome(paid.paymentId(), Map.of("outcome", "disputed"))));
            }
            for (var future : futures) {
                answers.add(future.get());
            }
        }
        assertThat(answers.stream().filter(answer -> answer.status() == 202)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() == 409)).hasSize(4);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        outcome(paid.paymentId(), Map.of("outcome", "dispute_lost")).expectStatus(202);
        awaitDispute(disputeId, "LOST");
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
    }

    @Test
    void anOverdueDisputeIsCountedAndStaysOpen() {
        Booked paid = paidBooking();
        Instant dueSoon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        outcome(paid.paymentId(), Map.of("outcome", "disputed", "evidenceDueBy", dueSoon.toString())).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();

        JsonNode overdue = await().atMost(WAIT).until(() -> getDispute(disputeId), d -> d != null && d.get("overdue").asBoolean());
        assertThat(overdue.get("status").asString()).isEqualTo("NEEDS_RESPONSE");
        await().atMost(WAIT).until(() -> whats(getDispute(disputeId)).contains("DisputeEvidenceOverdue"));
        JsonNode queue = api.get("/api/staff/disputes?status=NEEDS_RESPONSE", support.accessToken()).expectStatus(200).json();
        assertThat(queue.get("overdueCount").asLong()).isPositive();
        // Support can still answer it; the clock conceded nothing.
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "Late, but here it is")).expectStatus(200);
        outcome(paid.paymentId(), Map.of("outcome", "dispute_lost")).expectStatus(202);
        awaitDispute(disputeId, "LOST");
    }

    @Test
    void theQueueIsSortedByDueDateFilteredAndPaged() {
        Instant base = Instant.now().plus(Duration.ofDays(300)).truncatedTo(ChronoUnit.SECONDS);
        List<String> disputes = new ArrayList<>();
        List<Booked> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Booked one = paidBooking();
            paid.add(one);
            // opened in reverse due order: the queue must sort by due date, not by opening
            outcome(one.paymentId(), Map.of("outcome", "disputed", "amount", 1000 + i * 500,
                    "evidenceDueBy", base.plus(Duration.ofHours(3 - i)).toString())).expectStatus(202);
        }
        await().atMost(WAIT).until(() -> hostDisputes().size() == 3);
        for (int i = 0; i < 3; i++) {
            disputes.add(disputeOf(paid.get(i).paymentId()));
        }

        String window = "&minAmount=1000&maxAmount=2000&dueWithin=P301D";
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/staff/disputes?limit=1&status=NEEDS_RESPONSE" + window
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), support.accessToken())
                    .expectStatus(200).json();
            page.get("items").forEach(item -> seen.add(item.get("disputeId").asString()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        List<String> ours = seen.stream().filter(disputes::contains).toList();
        assertThat(ours).containsExactly(disputes.get(2), disputes.get(1), disputes.get(0));

        JsonNode cheap = api.get("/api/staff/disputes?maxAmount=1000&dueWithin=P301D&limit=100", support.accessToken()).expectStatus(200).json();
        List<String> cheapOnes = new ArrayList<>();
        cheap.get("items").forEach(item -> cheapOnes.add(item.get("disputeId").asString()));
        assertThat(cheapOnes).contains(disputes.get(0)).doesNotContain(disputes.get(1), disputes.get(2));
        JsonNode soon = api.get("/api/staff/disputes?dueWithin=P1D&limit=100", support.accessToken()).expectStatus(200).json();
        soon.get("items").forEach(item -> assertThat(disputes).doesNotContain(item.get("disputeId").asString()));
        JsonNode won = api.get("/api/staff/disputes?status=WON,LOST&limit=100", support.accessToken()).expectStatus(200).json();
        won.get("items").forEach(item -> assertThat(item.get("status").asString()).isIn("WON", "LOST"));

        assertThat(api.get("/api/staff/disputes?cursor=nonsense", support.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/staff/disputes?limit=1000", support.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/staff/disputes?status=MAYBE", support.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/staff/disputes?minAmount=5&maxAmount=1", support.accessToken()).status()).isEqualTo(400);

        for (Booked one : paid) {
            outcome(one.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
        }
        awaitWallet(Map.of("EUR:pending", 3 * NET));
    }

    @Test
    void hostsSeeTheirOwnDisputesOnly() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        JsonNode mine = awaitHostDispute();
        assertThat(mine.get("bookingId").asString()).isEqualTo(paid.bookingId());
        assertThat(mine.get("amount").get("amount").asLong()).isEqualTo(PRICE);
        assertThat(mine.get("status").asString()).isEqualTo("NEEDS_RESPONSE");
        assertThat(mine.hasNonNull("evidenceDueBy")).isTrue();

        Session otherHost = api.newHost("Other Host");
        assertThat(api.get("/api/me/disputes", otherHost.accessToken()).expectStatus(200).json().get("items")).isEmpty();
        assertThat(api.get("/api/me/disputes", guest.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/me/disputes", null).status()).isEqualTo(401);
        outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
        awaitDispute(mine.get("disputeId").asString(), "WON");
    }

    @Test
    void theStaffDisputeApiIsForSupportOnly() {
        Booked paid = paidBooking();
        outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");

        for (Session outsider : List.of(finance, host, guest)) {
            assertThat(api.get("/api/staff/disputes", outsider.accessToken()).status()).isEqualTo(403);
            assertThat(api.get(staff(disputeId), outsider.accessToken()).status()).isEqualTo(403);
            assertThat(api.post(staff(disputeId) + "/evidence", outsider.accessToken(), Map.of("text", "mine")).status()).isEqualTo(403);
            assertThat(api.post(staff(disputeId) + "/submit", outsider.accessToken(), null).status()).isEqualTo(403);
            assertThat(api.post(staff(disputeId) + "/accept", outsider.accessToken(), null).status()).isEqualTo(403);
            assertThat(uploads.upload(files(disputeId), outsider.accessToken(), "file", "a.pdf", "application/pdf", Uploads.pdf("x")).status())
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/staff/disputes", null).status()).isEqualTo(401);

        String unknown = UUID.randomUUID().toString();
        assertThat(api.get(staff(unknown), support.accessToken()).status()).isEqualTo(404);
        assertThat(api.post(staff(unknown) + "/evidence", support.accessToken(), Map.of("text", "x")).status()).isEqualTo(404);
        assertThat(api.post(staff(unknown) + "/submit", support.accessToken(), null).status()).isEqualTo(404);
        assertThat(api.post(staff(unknown) + "/accept", support.accessToken(), null).status()).isEqualTo(404);
        assertThat(uploads.download(files(disputeId) + "/" + UUID.randomUUID(), support.accessToken()).statusCode()).isEqualTo(404);
        assertThat(api.get(staff("not-a-uuid"), support.accessToken()).status()).isEqualTo(400);
        outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
        awaitDispute(disputeId, "WON");
    }

    @Test
    void theConsolesQueueIsUpdatedLiveWhenADisputeOpensAndChanges() {
        Booked paid = paidBooking();
        List<DisputeSummary> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SubscriptionQueryResult<DisputePage, DisputeSummary> queue = queries.subscriptionQuery(
                new FindDisputes(List.of(), null, null, null, null, 20), ResponseTypes.instanceOf(DisputePage.class),
                ResponseTypes.instanceOf(DisputeSummary.class))) {
            assertThat(queue.initialResult().block(WAIT)).isNotNull();
            queue.updates().subscribe(updates::add);

            outcome(paid.paymentId(), Map.of("outcome", "disputed")).expectStatus(202);
            await().atMost(WAIT).until(() -> updates.stream().anyMatch(update -> update.paymentId().toString().equals(paid.paymentId())
                    && update.status() == DisputeStatus.NEEDS_RESPONSE));
            outcome(paid.paymentId(), Map.of("outcome", "dispute_won")).expectStatus(202);
            await().atMost(WAIT).until(() -> updates.stream().anyMatch(update -> update.paymentId().toString().equals(paid.paymentId())
                    && update.status() == DisputeStatus.WON));
        }
        awaitWallet(Map.of("EUR:pending", NET));
    }

    /** As staff, who may set any simulated payment's outcome. */
    private Response outcome(String paymentId, Map<String, Object> body) {
        return api.post("/api/dev/payments/" + paymentId + "/outcome", support.accessToken(), body);
    }
}
