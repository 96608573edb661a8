package app.soiree.command.payment;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;

/** What the provider is told about a payment; the ids travel as its metadata, so its events lead back here. */
public record PaymentIntentRequest(PaymentId paymentId, BookingId bookingId, GatheringId gatheringId, UserId guestId, Money amount) {

    public static final String PAYMENT_ID_KEY = "soiree_payment_id";
    public static final String BOOKING_ID_KEY = "soiree_booking_id";
    public static final String GATHERING_ID_KEY = "soiree_gathering_id";
}
