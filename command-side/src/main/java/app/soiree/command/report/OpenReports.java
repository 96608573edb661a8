package app.soiree.command.report;

import app.soiree.api.identity.UserId;
import app.soiree.api.report.GatheringReported;
import app.soiree.api.report.ReportDismissed;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportResolved;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.UserReported;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each reporter's open report per target, so that reporting the same user or gathering again while support has not
 * decided answers the same report. Written in the transaction of the report's own events (a subscribing processor that
 * fails the command when it fails): its unique key on reporter and target refuses the second of two reports filed at
 * once, and a decision frees the target for a new report.
 */
@Component
@ProcessingGroup(OpenReports.PROCESSING_GROUP)
class OpenReports {

    static final String PROCESSING_GROUP = "open-reports";

    private final JdbcTemplate jdbc;

    OpenReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReportId> find(UserId reporter, ReportTargetType targetType, UUID targetId) {
        return jdbc.query("select report_id from open_reports where reported_by = ? and target_type = ? and target_id = ?",
                (rs, row) -> new ReportId(rs.getObject(1, UUID.class)), reporter.value(), targetType.name(), targetId).stream().findFirst();
    }

    @EventHandler
    void on(UserReported event) {
        open(event.reportId(), event.reportedBy(), ReportTargetType.USER, event.userId().value());
    }

    @EventHandler
    void on(GatheringReported event) {
        open(event.reportId(), event.reportedBy(), ReportTargetType.GATHERING, event.gatheringId().value());
    }

    @EventHandler
    void on(ReportDismissed event) {
        close(event.reportId());
    }

    @EventHandler
    void on(ReportResolved event) {
        close(event.reportId());
    }

    private void open(ReportId reportId, UserId reporter, ReportTargetType targetType, UUID targetId) {
        jdbc.update("insert into open_reports (report_id, reported_by, target_type, target_id) values (?, ?, ?, ?)", reportId.value(),
                reporter.value(), targetType.name(), targetId);
    }

    private void close(ReportId reportId) {
        jdbc.update("delete from open_reports where report_id = ?", reportId.value());
    }
}
