package app.soiree.api.report;

/** What settled a report: support's decision on a user or gathering report, or what happened to a reported message. */
public enum ReportOutcome {
    DISMISSED,
    RESOLVED,
    MESSAGE_DELETED,
    AUTHOR_BANNED
}
