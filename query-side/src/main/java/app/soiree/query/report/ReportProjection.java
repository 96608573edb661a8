package app.soiree.query.report;

import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.GatheringReported;
import app.soiree.api.report.ReportDismissed;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportOutcome;
import app.soiree.api.report.ReportResolved;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.UserReported;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports of users and gatherings. Keyed by the report's id, and a decision only ever moves an open report, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSING_GROUP)
class ReportProjection {

    static final String PROCESSING_GROUP = "report-views";

    private final NamedParameterJdbcTemplate jdbc;

    ReportProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserReported event) {
        insert(new MapSqlParameterSource("id", event.reportId().value()).addValue("type", ReportTargetType.USER.name())
                .addValue("target", event.userId().value()).addValue("subject", event.userId().value())
                .addValue("reportedBy", event.reportedBy().value()).addValue("reason", event.reason().name())
                .addValue("note", event.note()).addValue("at", Timestamp.from(event.at())));
    }

    @EventHandler
    void on(GatheringReported event) {
        insert(new MapSqlParameterSource("id", event.reportId().value()).addValue("type", ReportTargetType.GATHERING.name())
                .addValue("target", event.gatheringId().value()).addValue("subject", event.hostId().value())
                .addValue("reportedBy", event.reportedBy().value()).addValue("reason", event.reason().name())
                .addValue("note", event.note()).addValue("at", Timestamp.from(event.at())));
    }

    @EventHandler
    void on(ReportDismissed event) {
        decide(event.reportId(), ReportOutcome.DISMISSED, event.dismissedBy(), event.note(), event.at());
    }

    @EventHandler
    void on(ReportResolved event) {
        decide(event.reportId(), ReportOutcome.RESOLVED, event.resolvedBy(), event.note(), event.at());
    }

    private void insert(MapSqlParameterSource report) {
        jdbc.update("""
                        insert into reports (report_id, target_type, target_id, subject_id, reported_by, reason, note, reported_at, status)
                        values (:id, :type, :target, :subject, :reportedBy, :reason, :note, :at, :open)
                        on conflict (report_id) do nothing""",
                report.addValue("open", ReportStatus.OPEN.name()));
    }

    private void decide(ReportId reportId, ReportOutcome outcome, UserId by, String note, Instant at) {
        jdbc.update("""
                        update reports set status = :handled, outcome = :outcome, handled_by = :by, handling_note = :note, handled_at = :at
                        where report_id = :id and status = :open""",
                new MapSqlParameterSource("id", reportId.value()).addValue("handled", ReportStatus.HANDLED.name())
                        .addValue("open", ReportStatus.OPEN.name()).addValue("outcome", outcome.name()).addValue("by", by.value())
                        .addValue("note", note).addValue("at", Timestamp.from(at)));
    }

    /** The notes an erased user wrote when reporting users and gatherings go; the reports stay. */
    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("update reports set note = null where reported_by = :user", new MapSqlParameterSource("user", event.userId().value()));
    }
}
