package app.soiree.api.booking;

public enum BookingStatus {
    HELD,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REFUNDED
}
