package app.soiree.api.report;

/** Limits every side checks alike. */
public final class ReportRules {

    /** A reporter's note, and support's note when handling a report: the same size as a chat report's note. */
    public static final int MAX_NOTE_LENGTH = 500;

    private ReportRules() {
    }
}
