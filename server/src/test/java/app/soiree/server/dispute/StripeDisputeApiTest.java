package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static app.soiree.server.support.stripe.StripeProvider.intentId;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Booked;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.Uploads;
import app.soiree.server.support.stripe.StripeDisputes;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeProvider;
import app.soiree.server.support.stripe.StripeStandIn;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What only Stripe has, for disputes: evidence submitted with the real stripe-java SDK to the WireMock stand-in,
 * signed {@code charge.dispute.*} webhooks in any order and any number of copies, inquiries, payments found through
 * Stripe, and what Stripe refuses. Every test ends with a balanced ledger and a wallet that agrees with the journal.
 * The scenarios Stripe shares with the simulator are in {@link DisputeContract}.
 */
@StripeIntegrationTest
class StripeDisputeApiTest extends DisputeFixture {

    @Test
    void aDisputeWonWithEvidenceSubmittedToStripe() {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);

        stripe().deliver(dispute.created()).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        JsonNode opened = awaitDispute(disputeId, "NEEDS_RESPONSE");
        assertThat(opened.get("provider").asString()).isEqualTo("stripe");
        assertThat(opened.get("providerDisputeId").asString()).isEqualTo(dispute.id());
        assertThat(Instant.parse(opened.get("evidenceDueBy").asString())).isEqualTo(dispute.dueBy());

        String text = "The guest attended & checked in at 19:02 (ticket #" + paid.bookingId() + ").";
        byte[] checkIn = Uploads.pdf("Check-in log");
        String fileId = new Uploads(port).upload(staff(disputeId) + "/files", support.accessToken(), "file", "check-in.pdf",
                "application/pdf", checkIn).expectStatus(201).json().get("fileId").asString();
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", text, "fileIds", List.of(fileId))).expectStatus(200);
        api.post(staff(disputeId) + "/submit", support.accessToken(), null).expectStatus(200);

        assertThat(StripeDisputes.evidenceUploads()).hasSize(1);
        // the file's bytes went to Stripe from the object store
        assertThat(StripeDisputes.evidenceUploads().getFirst().getPart("file").getBody().asBytes()).isEqualTo(checkIn);
        List<LoggedRequest> submissions = StripeDisputes.submissionsOf(dispute.id());
        assertThat(submissions).hasSize(1);
        Map<String, String> form = form(submissions.getFirst());
        assertThat(form).containsEntry("submit", "true").containsEntry("evidence[uncategorized_text]", text)
                .containsEntry("metadata[soiree_dispute_id]", disputeId);
        assertThat(form.get("evidence[uncategorized_file]")).startsWith("file_");
        assertThat(submissions.getFirst().getHeader("Idempotency-Key")).isNotBlank();
        StripeStandIn.verifyAllRequestsAuthenticated();
        awaitDispute(disputeId, "UNDER_REVIEW");

        stripe().deliver(dispute.updated("under_review")).expectStatus(200);
        await().atMost(WAIT).until(() -> getDispute(disputeId).get("providerStatus").asString(), "UNDER_REVIEW"::equals);
        stripe().deliver(dispute.closed("won")).expectStatus(200);
        stripe().deliver(dispute.fundsReinstated()).expectStatus(200);

        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
        stripe().awaitDisputeEventsApplied(dispute.id(), 4);
        assertThat(count(paid.paymentId(), DisputeWon.class)).isEqualTo(1);
        assertThat(api.post(staff(disputeId) + "/accept", support.accessToken(), null).code()).isEqualTo("DISPUTE_CLOSED");
    }

    /** A file whose bytes were still in the database when it was submitted is moved into the store on the way to Stripe. */
    @Test
    void aFileUploadedBeforeTheObjectStoreIsSubmittedToStripe() {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        stripe().deliver(dispute.created()).expectStatus(200);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        byte[] receipt = Uploads.pdf("Receipt kept in the database");
        String fileId = legacyFile(disputeId, "receipt.pdf", receipt);
        int uploadsBefore = StripeDisputes.evidenceUploads().size();

        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "Receipt", "fileIds", List.of(fileId)))
                .expectStatus(200);
        api.post(staff(disputeId) + "/submit", support.accessToken(), null).expectStatus(200);

        List<LoggedRequest> uploads = StripeDisputes.evidenceUploads();
        assertThat(uploads).hasSize(uploadsBefore + 1);
        assertThat(uploads.getLast().getPart("file").getBody().asBytes()).isEqualTo(receipt);
        assertThat(evidenceStore.stored(fileId)).isEqualTo(receipt);
        assertThat(jdbc.queryForObject("select content is null from dispute_evidence_files where file_id = ?::uuid", Boolean.class, fileId))
                .isTrue();
        awaitDispute(disputeId, "UNDER_REVIEW");
        stripe().deliver(dispute.closed("won")).expectStatus(200);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void fiveCopiesOfEveryDisputeWebhookInAnyOrderBookTheDisputeOnce() throws Exception {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        List<EventPayload> kinds = List.of(dispute.created(), dispute.fundsWithdrawn(), dispute.updated("under_review"), dispute.closed("lost"));
        stripe().deliverCopiesInAnyOrder(kinds, 5);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "LOST");
        stripe().awaitDisputeEventsApplied(dispute.id(), kinds.size());
        assertThat(count(paid.paymentId(), PaymentDisputed.class)).isEqualTo(1);
        assertThat(count(paid.paymentId(), DisputeLost.class)).isEqualTo(1);
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
        await().atMost(WAIT).until(() -> lossesFor(disputeId), loss -> loss == DISPUTE_FEE);
    }

    @Test
    void aClosedDisputeArrivingBeforeItsCreationIsNotLost() {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);

        stripe().deliver(dispute.closed("won")).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));

        stripe().deliver(dispute.created()).expectStatus(200);
        stripe().deliver(dispute.fundsWithdrawn()).expectStatus(200);
        stripe().awaitDisputeEventsApplied(dispute.id(), 3);
        assertThat(getDispute(disputeId).get("status").asString()).isEqualTo("WON");
        assertThat(count(paid.paymentId(), PaymentDisputed.class)).isEqualTo(1);
        assertThat(count(paid.paymentId(), DisputeWon.class)).isEqualTo(1);
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void anInquiryWithdrawsNothingAndOpensNothing() {
        Booked paid = paidBooking();
        StripeDisputes.Dispute inquiry = disputeOf(paid);
        EventPayload created = inquiry.inquiryCreated();
        EventPayload closed = inquiry.closed("warning_closed");

        stripe().deliver(created).expectStatus(200);
        stripe().deliver(closed).expectStatus(200);

        for (EventPayload event : List.of(created, closed)) {
            await().atMost(WAIT).until(() -> stripe().outcomeOf(event.id()), outcome -> outcome != null && outcome.startsWith("ignored"));
        }
        assertThat(hostDisputes()).isEmpty();
        assertThat(count(paid.paymentId(), PaymentDisputed.class)).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void aPaymentRecordedBeforeItsReferenceIsFoundThroughStripe() {
        Booked paid = paidBooking();
        jdbc.update("delete from payment_references where reference = ?", intentId(paid));
        StripeDisputes.Dispute dispute = disputeOf(paid);

        stripe().deliver(dispute.created()).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        assertThat(StripeStandIn.retrieveRequestsFor(intentId(paid))).isPositive();
        stripe().deliver(dispute.closed("won")).expectStatus(200);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void whatStripeRefusesIsNotRecorded() {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        stripe().deliver(dispute.created()).expectStatus(200);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "Receipt")).expectStatus(200);

        StripeDisputes.failUpdatesOf(dispute.id());
        Response unavailable = api.post(staff(disputeId) + "/submit", support.accessToken(), null);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");

        StripeDisputes.refuseUpdatesOf(dispute.id());
        Response refused = api.post(staff(disputeId) + "/submit", support.accessToken(), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EVIDENCE_REJECTED");
        Response notClosed = api.post(staff(disputeId) + "/accept", support.accessToken(), null);
        assertThat(notClosed.status()).isEqualTo(409);

        JsonNode unchanged = getDispute(disputeId);
        assertThat(unchanged.get("status").asString()).isEqualTo("NEEDS_RESPONSE");
        assertThat(unchanged.get("submittedAt").isNull()).isTrue();
        stripe().deliver(dispute.closed("won")).expectStatus(200);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void twoClicksOnSubmitSendOneSubmissionToStripe() throws Exception {
        Booked paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        stripe().deliver(dispute.created()).expectStatus(200);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "Receipt")).expectStatus(200);
        StripeDisputes.slowUpdatesOf(dispute.id(), Duration.ofMillis(1_500));

        List<Response> answers;
        try (ExecutorService clicks = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Response> first = clicks.submit(() -> api.post(staff(disputeId) + "/submit", support.accessToken(), null));
            Thread.sleep(300); // the first is with Stripe now
            Future<Response> second = clicks.submit(() -> api.post(staff(disputeId) + "/submit", support.accessToken(), null));
            answers = List.of(first.get(), second.get());
        }

        assertThat(answers).extracting(Response::status).containsExactly(200, 200);
        assertThat(StripeDisputes.submissionsOf(dispute.id())).hasSize(1);
        JsonNode submitted = awaitDispute(disputeId, "UNDER_REVIEW");
        assertThat(submitted.get("submittedBy").asString()).isEqualTo(support.userId());
    }

    private static StripeDisputes.Dispute disputeOf(Booked paid) {
        return StripeProvider.newDispute(paid, PRICE, "fraudulent");
    }





    /** Stripe's form encoding of a request, decoded. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
