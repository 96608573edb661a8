package app.soiree.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.GatheringReported;
import app.soiree.api.report.ReportDismissed;
import app.soiree.api.report.ReportGathering;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportResolved;
import app.soiree.api.report.ReportRules;
import app.soiree.api.report.ReportUser;
import app.soiree.api.report.ResolveReport;
import app.soiree.api.report.UserReported;
import java.time.Clock;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One report of a user or a gathering, from filing to support's decision. One aggregate per report, not per target or
 * per reporter: support decides on one report by its id, and a report's whole life is two or three events, so loading
 * one never replays anything else. The rules that span reports (one open report per reporter and target, a daily cap
 * per reporter) are about sets that no single report sees: {@link OpenReports} and the reporter's quota keep them,
 * the first in the same transaction as the report's events.
 */
@Aggregate
class Report {

    @AggregateIdentifier
    private ReportId reportId;
    private ReportState state;

    Report() {
        // for Axon
    }

    @CommandHandler
    Report(ReportUser command, Clock clock) {
        refuseSelf(command.reportedBy().equals(command.userId()), "Nobody reports themselves");
        apply(new UserReported(command.reportId(), command.reportedBy(), command.userId(), command.reason(), reporterNote(command.note()),
                clock.instant()));
    }

    @CommandHandler
    Report(ReportGathering command, Clock clock) {
        refuseSelf(command.reportedBy().equals(command.hostId()), "A host does not report their own gathering");
        apply(new GatheringReported(command.reportId(), command.reportedBy(), command.gatheringId(), command.hostId(), command.reason(),
                reporterNote(command.note()), clock.instant()));
    }

    @CommandHandler
    void handle(DismissReport command, Clock clock) {
        if (moveTo(ReportState.DISMISSED)) {
            apply(new ReportDismissed(reportId, command.dismissedBy(), supportNote(command.note()), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ResolveReport command, Clock clock) {
        if (moveTo(ReportState.RESOLVED)) {
            apply(new ReportResolved(reportId, command.resolvedBy(), supportNote(command.note()), clock.instant()));
        }
    }

    /** Whether the decision is to be recorded: a repeat of the decision taken changes nothing; another decision is a conflict. */
    private boolean moveTo(ReportState next) {
        if (state == next) {
            return false;
        }
        if (!state.mayMoveTo(next)) {
            throw SoireeException.conflict("This report was " + state.name().toLowerCase(Locale.ROOT) + " already");
        }
        return true;
    }

    private static void refuseSelf(boolean self, String message) {
        if (self) {
            throw new SoireeException(ErrorCode.CANNOT_REPORT_SELF, message);
        }
    }

    private static @Nullable String reporterNote(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return requireSize(note.strip());
    }

    private static String supportNote(String note) {
        if (note.isBlank()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "note: say why, in at most " + ReportRules.MAX_NOTE_LENGTH + " characters");
        }
        return requireSize(note.strip());
    }

    private static String requireSize(String note) {
        if (note.length() > ReportRules.MAX_NOTE_LENGTH) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "note: at most " + ReportRules.MAX_NOTE_LENGTH + " characters");
        }
        return note;
    }

    @EventSourcingHandler
    void on(UserReported event) {
        reportId = event.reportId();
        state = ReportState.OPEN;
    }

    @EventSourcingHandler
    void on(GatheringReported event) {
        reportId = event.reportId();
        state = ReportState.OPEN;
    }

    @EventSourcingHandler
    void on(ReportDismissed event) {
        state = ReportState.DISMISSED;
    }

    @EventSourcingHandler
    void on(ReportResolved event) {
        state = ReportState.RESOLVED;
    }
}
