package app.soiree.api.booking;

import app.soiree.api.payment.PaymentId;

/** For staff: the booking a payment pays for. Answered with a {@link BookingView}, or null. */
public record FindBookingOfPayment(PaymentId paymentId) {
}
