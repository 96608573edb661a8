package app.soiree.api.chat;

/** What settled a report. */
public enum ReportHandling {
    MESSAGE_DELETED,
    AUTHOR_BANNED
}
