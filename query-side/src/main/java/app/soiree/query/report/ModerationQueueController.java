package app.soiree.query.report;

import app.soiree.api.error.SoireeException;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.FindReports;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportPage;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support's moderation queue over HTTP: the same queries the console asks. */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasRole('SUPPORT')")
class ModerationQueueController {

    private final QueryGateway queryGateway;

    ModerationQueueController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/staff/reports")
    @Operation(summary = "The moderation queue: reports of users, gatherings and messages, newest first (SUPPORT)",
            description = "Filtered by status (OPEN, HANDLED) and target type when given. Each report names who and what was "
                    + "reported and who reported it, as they are now; a message report carries the message's details.")
    PageResponse<ReportSummary> reports(@RequestParam(required = false) @Nullable ReportStatus status,
                                        @RequestParam(required = false) @Nullable ReportTargetType targetType,
                                        @RequestParam(required = false) @Nullable String cursor,
                                        @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                        @Nullable Integer limit) {
        ReportPage page = queryGateway.query(new FindReports(status, targetType, PageLimit.validated(limit), Cursor.requireValid(cursor)),
                ResponseTypes.instanceOf(ReportPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    @GetMapping("/api/staff/reports/{reportId}")
    @Operation(summary = "One report of any kind, as the queue shows it (SUPPORT)")
    ReportSummary report(@PathVariable ReportId reportId) {
        ReportSummary report = queryGateway.query(new FindReport(reportId), ResponseTypes.instanceOf(ReportSummary.class)).join();
        if (report == null) {
            throw SoireeException.notFound("Report " + reportId);
        }
        return report;
    }
}
