package app.soiree.api.gathering;

/** A guest who cancels at least {@code fullRefundHoursBefore} hours before the start is refunded in full, later not at all. */
public record RefundPolicy(int fullRefundHoursBefore) {
}
