package app.soiree.server.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.refund.RefundReversed;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Refunds, said once for every provider: a guest's cancellation inside and outside the refund policy, a host
 * cancelling a gathering of many bookings, support's partial refunds up to and beyond the capture, a refund the
 * provider refuses, and one that fails after it succeeded. Every test ends with a balanced ledger and a wallet that
 * agrees with the journal; what the provider was asked is checked where the provider can show it.
 */
abstract class RefundContract extends RefundFixture {

    @Test
    void aGuestCancellingWithinThePolicyGetsEverythingBack() {
        Session guest = api.newUser("Early Canceller");
        Booked booked = bookAndPay(guest, openDinner("Dinner"));
        String refundId = refundIdOf(booked);

        JsonNode cancelled = cancel(guest, booked.bookingId()).expectStatus(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("refund").get("refundId").asString()).isEqualTo(refundId);
        assertThat(cancelled.get("refund").get("amount").get("amount").asLong()).isEqualTo(PRICE);
        JsonNode booking = awaitBooking(guest, booked.bookingId(), "REFUNDED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isEqualTo(PRICE);
        JsonNode payment = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId()).get("payment"),
                p -> p.get("refunded").get("amount").asLong() == PRICE);
        assertThat(payment.get("refunds")).hasSize(1);
        assertThat(payment.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.get("refunds").get(0).get("requestedBy").isNull()).isTrue();
        provider.verifyRefundsAsked(booked, List.of(refundId), List.of(PRICE));
        awaitWallet(Map.of());

        JsonNode refunds = api.get("/api/staff/bookings/" + booked.bookingId() + "/refunds", support.accessToken()).expectStatus(200).json();
        assertThat(refunds.get("items")).hasSize(1);
        assertThat(refunds.get("items").get(0).get("requestedBy").asString()).isEqualTo(guest.userId());
        assertThat(refunds.get("items").get(0).get("reason").asString()).contains("refund policy");
        assertThat(refunded(booked.paymentId())).singleElement()
                .satisfies(refund -> assertThat(refund.hostShare().amountMinor()).isEqualTo(NET));
    }

    @Test
    void aGuestCancellingTooLateGetsNothingBackAndTheProviderIsAskedForNothing() {
        Instant startsAt = Instant.now().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = open(Gatherings.gathering("Late", startsAt, startsAt.plus(Duration.ofHours(2)),
                List.of(Gatherings.tier("Seat", PRICE, 3))));
        Session guest = api.newUser("Late Canceller");
        Booked booked = bookAndPay(guest, gatheringId);

        JsonNode cancelled = cancel(guest, booked.bookingId()).expectStatus(200).json();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("refund").isNull()).isTrue();
        JsonNode booking = awaitBooking(guest, booked.bookingId(), "CANCELLED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
        provider.verifyRefundsAsked(booked, List.of(), List.of());
    }

    @Test
    void aHostCancellingAGatheringOfManyBookingsRefundsEachInFullAndReportsProgress() {
        int paid = 22;
        String gatheringId = open(Gatherings.gathering("Big night", List.of(Gatherings.tier("Seat", PRICE, paid + 5))));
        List<Booked> bookings = new ArrayList<>();
        for (int i = 0; i < paid; i++) {
            bookings.add(bookAndPay(api.newUser("Guest " + i), gatheringId));
        }
        Session holder = api.newUser("Unpaid Holder");
        book(holder, gatheringId);
        awaitWallet(Map.of("EUR:pending", paid * NET));

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Venue flooded")).expectStatus(200);

        JsonNode progress = await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/gatherings/" + gatheringId + "/cancellation",
                host.accessToken()), r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asString())).json();
        assertThat(progress.get("bookingsToRefund").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsRequested").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsSucceeded").asInt()).isEqualTo(paid);
        assertThat(progress.get("refundsFailed").asInt()).isZero();
        for (Booked booked : bookings) {
            awaitBooking(host, booked.bookingId(), "REFUNDED");
            assertThat(refunded(booked.paymentId())).hasSize(1);
            provider.verifyRefundsAsked(booked, List.of(refundIdOf(booked)), List.of(PRICE));
        }
        awaitWallet(Map.of());
        api.get("/api/gatherings/" + gatheringId + "/cancellation", support.accessToken()).expectStatus(200);
        assertThat(api.get("/api/gatherings/" + gatheringId + "/cancellation", holder.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void supportRefundsPartsOfAPaymentUpToWhatWasCapturedAndNoMore() {
        Session guest = api.newUser("Partly Refunded");
        Booked booked = bookAndPay(guest, openDinner("Partial"));

        JsonNode first = staffRefund(booked.bookingId(), 1200, "Wrong table").expectStatus(201).json();
        assertThat(first.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(first.get("amount").get("amount").asLong()).isEqualTo(1200);
        String second = staffRefund(booked.bookingId(), 1000, "Cold soup").expectStatus(201).json().get("refundId").asString();
        Response tooMuch = staffRefund(booked.bookingId(), 301, "One more");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");
        String third = staffRefund(booked.bookingId(), 300, "The rest").expectStatus(201).json().get("refundId").asString();
        assertThat(staffRefund(booked.bookingId(), 1, "Nothing left").code()).isEqualTo("REFUND_EXCEEDS_CAPTURED");

        JsonNode booking = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId()),
                b -> b.get("refundedAmount").get("amount").asLong() == PRICE);
        // The guest keeps the seat: staff gave the money back, the booking was not cancelled.
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        // round(1200·2345/2500) = 1126, round(1000·2345/2500) = 938, and the rest of the net: 281.
        await().atMost(WAIT).until(() -> refunded(booked.paymentId()).size() == 3);
        assertThat(refunded(booked.paymentId())).extracting(refund -> refund.hostShare().amountMinor())
                .containsExactlyInAnyOrder(1126L, 938L, 281L);
        provider.verifyRefundsAsked(booked, List.of(first.get("refundId").asString(), second, third), List.of(1200L, 1000L, 300L));
        awaitWallet(Map.of());
        JsonNode listed = await().atMost(WAIT).until(() -> api.get("/api/staff/refunds?bookingId=" + booked.bookingId(),
                support.accessToken()).expectStatus(200).json().get("items"), items -> items.size() == 3);
        assertThat(listed).allSatisfy(refund -> assertThat(refund.get("requestedBy").asString()).isEqualTo(support.userId()));
    }

    @Test
    void aRefundTheProviderRefusesGivesNothingBackAndMayBeMadeAgain() {
        Session guest = api.newUser("Unlucky Guest");
        Booked booked = bookAndPay(guest, openDinner("Refused"));
        String refundId = refundIdOf(booked);
        provider.refuseRefund(support, booked, refundId);

        cancel(guest, booked.bookingId()).expectStatus(200);

        JsonNode refund = awaitRefund(booked.bookingId(), refundId, "FAILED");
        assertThat(refund.get("failureReason").asString()).contains(provider.refundRefusal());
        JsonNode payment = await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId()).get("payment"),
                p -> p.get("refunds").size() == 1 && "FAILED".equals(p.get("refunds").get(0).get("status").asString()));
        assertThat(payment.get("refunded").get("amount").asLong()).isZero();
        assertThat(payment.get("refunds").get(0).get("failureReason").asString()).contains(provider.refundRefusal());
        assertThat(bookingOf(guest, booked.bookingId()).get("status").asString()).isEqualTo("CANCELLED");
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(refunded(booked.paymentId())).isEmpty();

        staffRefund(booked.bookingId(), PRICE, "The first refund failed").expectStatus(201);
        awaitBooking(guest, booked.bookingId(), "REFUNDED");
        awaitWallet(Map.of());
    }

    @Test
    void aRefundThatFailsAfterItSucceededIsTakenBack() {
        Session guest = api.newUser("Bounced Guest");
        Booked booked = bookAndPay(guest, openDinner("Bounced"));
        String refundId = refundIdOf(booked);
        cancel(guest, booked.bookingId()).expectStatus(200);
        awaitBooking(guest, booked.bookingId(), "REFUNDED");

        // The guest's bank sends the refund back.
        provider.reverseRefund(support, booked, refundId);

        awaitRefund(booked.bookingId(), refundId, "FAILED");
        JsonNode booking = awaitBooking(guest, booked.bookingId(), "CANCELLED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(refunded(booked.paymentId())).hasSize(1);
        assertThat(eventsOf(booked.paymentId(), RefundReversed.class)).hasSize(1);
    }
}
