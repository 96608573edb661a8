package app.soiree.command.report;

import app.soiree.api.identity.Actor;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportOutcome;
import app.soiree.api.report.ReportRules;
import app.soiree.api.report.ResolveReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support's decision on a user or gathering report, in the staff member's name and with a note saying why. A message
 * report is settled by deleting the message or banning its sender (the chat's own actions), so its id is not found here.
 * The same decision again changes nothing (200); the other decision on a decided report is 409.
 */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasRole('SUPPORT')")
class ReportDecisionController {

    private final CommandGateway commands;

    ReportDecisionController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/staff/reports/{reportId}/dismiss")
    @Operation(summary = "Dismiss an open user or gathering report: nothing to do, and why (SUPPORT)")
    DecisionResponse dismiss(@PathVariable ReportId reportId, @Valid @RequestBody DecisionRequest request, Actor actor) {
        commands.sendAndWait(new DismissReport(reportId, actor.userId(), request.note()));
        return new DecisionResponse(reportId, ReportOutcome.DISMISSED);
    }

    @PostMapping("/api/staff/reports/{reportId}/resolve")
    @Operation(summary = "Resolve an open user or gathering report: dealt with, and what was done (SUPPORT)")
    DecisionResponse resolve(@PathVariable ReportId reportId, @Valid @RequestBody DecisionRequest request, Actor actor) {
        commands.sendAndWait(new ResolveReport(reportId, actor.userId(), request.note()));
        return new DecisionResponse(reportId, ReportOutcome.RESOLVED);
    }

    record DecisionRequest(@NotBlank @Size(max = ReportRules.MAX_NOTE_LENGTH) String note) {
    }

    record DecisionResponse(ReportId reportId, ReportOutcome outcome) {
    }
}
