package app.soiree.api.chat;

/** Where a report in the moderation queue stands. */
public enum MessageReportStatus {
    /** Waiting for support. */
    OPEN,
    /** Settled: the message was deleted or its author banned from the conversation ({@link ReportHandling}). */
    HANDLED
}
