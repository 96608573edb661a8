package app.soiree.api.promotion;

/** A promotion as its host reads it: its window yet to come, running, over, or refunded after a cancellation. */
public enum PromotionStatus {
    SCHEDULED,
    ACTIVE,
    ENDED,
    REFUNDED
}
