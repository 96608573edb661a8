package app.soiree.command.report;

/** A user or gathering report's states and the moves between them, in one place: open, then dismissed or resolved, for good. */
enum ReportState {
    OPEN,
    DISMISSED,
    RESOLVED;

    boolean mayMoveTo(ReportState next) {
        return this == OPEN && next != OPEN;
    }
}
