package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Booked;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Paid bookings, said once for every provider: a booking is held until its provider reports the payment, confirmed
 * and captured with balanced postings when it succeeds, released when it fails. The provider is driven through a
 * {@link app.soiree.server.support.ProviderDriver}; each provider's subclass runs these in its own context.
 */
abstract class PaymentContract extends PaymentFixture {

    @Test
    void aGuestBooksAPaidSeatAndTheProviderConfirmsIt() {
        JsonNode response = bookRaw(guest, UUID.randomUUID().toString(), 2).expectStatus(201).json();
        Booked booked = booked(response, 2);
        assertThat(response.get("status").asString()).isEqualTo("HELD");
        JsonNode payment = response.get("payment");
        assertThat(payment.get("provider").asString()).isEqualTo(provider.name());
        assertThat(payment.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        provider.verifyClientSecret(booked, payment.get("clientSecret").asString());
        assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(2 * PRICE);
        provider.verifyPaymentCreated(booked);

        provider.pay(guest, booked);

        JsonNode confirmed = awaitBooking(booked.bookingId(), "CONFIRMED");
        await().atMost(Duration.ofSeconds(10)).until(() -> bookingOf(booked.bookingId()).get("payment").get("status").asString(),
                "CAPTURED"::equals);
        assertThat(confirmed.get("amount").get("amount").asLong()).isEqualTo(2 * PRICE);
        awaitAvailableSeats(1);

        PaymentCaptured captured = awaitCaptured(booked.paymentId());
        assertThat(captured.amount().amountMinor()).isEqualTo(2 * PRICE);
        // 5 % of 5000 plus 30 (application.yml)
        assertThat(captured.platformFee().amountMinor()).isEqualTo(280);
        assertThat(captured.postings()).contains(new Posting("host:" + host.userId() + ":pending", Money.of(-4720, "EUR")));
        provider.verifyCaptured(captured);
        Postings.requireBalanced(captured.postings());
    }

    @Test
    void aFailedPaymentReleasesTheSeatsAndTheBookingExpires() {
        Booked booked = book(guest, 3);
        awaitAvailableSeats(0);

        provider.decline(guest, booked);

        awaitBooking(booked.bookingId(), "EXPIRED");
        // The payment's view is another projection than the booking's: it may follow a moment later.
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentOf(booked.bookingId()).get("status").asString(), "DECLINED"::equals);
        awaitAvailableSeats(3);
        // The guest may try again at once.
        book(guest, 1);
    }

    @Test
    void aSuccessAfterTheBookingExpiredStillConfirmsTheSeatsWhileTheyAreFree() {
        Booked booked = book(guest, 1);
        provider.letExpire(guest, booked);
        awaitBooking(booked.bookingId(), "EXPIRED");

        provider.pay(guest, booked);

        awaitBooking(booked.bookingId(), "CONFIRMED");
        awaitAvailableSeats(2);
    }

    @Test
    void aRetriedBookingFindsTheSamePayment() {
        String bookingId = UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", 1);
        JsonNode first = api.postOnce("/api/bookings", guest.accessToken(), request).expectStatus(201).json();
        JsonNode again = api.postOnce("/api/bookings", guest.accessToken(), request).expectStatus(201).json();

        assertThat(again.get("payment").get("paymentId").asString()).isEqualTo(first.get("payment").get("paymentId").asString());
        assertThat(again.get("payment").get("clientSecret").asString()).isEqualTo(first.get("payment").get("clientSecret").asString());
        awaitAvailableSeats(2);
    }
}
