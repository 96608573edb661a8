package app.soiree.api.gathering;

public enum BookingStatus {
    HELD,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REFUNDED
}
