package app.soiree.api.gathering;

/** How far the refunds of a cancelled gathering have come. */
public enum CancellationProgress {
    /** Refunds are still being requested or awaited. */
    IN_PROGRESS,
    /** Every booking that was owed money has it back. */
    COMPLETED,
    /** Every refund was settled, and some failed: staff follow up. */
    COMPLETED_WITH_FAILURES
}
