package app.soiree.server.support;

/** A booking with its payment, as the money-flow tests follow it: what a provider driver needs to act on it. */
public record Booked(String bookingId, String paymentId, String gatheringId, long amount) {
}
