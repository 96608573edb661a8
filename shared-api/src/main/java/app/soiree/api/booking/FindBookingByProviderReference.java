package app.soiree.api.booking;

/**
 * For staff: the booking whose payment the provider knows by this reference (a Stripe PaymentIntent
 * id, {@code pi_…}, or the simulator's). Answered with a {@link BookingView}, or null.
 */
public record FindBookingByProviderReference(String providerReference) {
}
