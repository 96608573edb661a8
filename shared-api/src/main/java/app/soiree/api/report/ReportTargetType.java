package app.soiree.api.report;

/** What a report is about. A {@code MESSAGE} report is the chat's own ({@code ReportMessage} on the conversation). */
public enum ReportTargetType {
    USER, GATHERING, MESSAGE
}
