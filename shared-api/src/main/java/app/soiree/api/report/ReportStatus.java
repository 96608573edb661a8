package app.soiree.api.report;

/** Where a report in the moderation queue stands, whatever its kind. */
public enum ReportStatus {
    /** Waiting for support. */
    OPEN,
    /** Settled; {@link ReportOutcome} says how. */
    HANDLED
}
