package app.soiree.command.report;

import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.ReportGathering;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportRules;
import app.soiree.api.report.ReportTargetType;
import app.soiree.api.report.ReportUser;
import app.soiree.command.chat.MessageReports;
import app.soiree.command.identity.Accounts;
import app.soiree.command.limits.ReportQuota;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any signed-in user reports a user, a gathering or a chat message to support's moderation queue. A message report is
 * the chat's own (the reporter must be a member of its conversation). Reporting the same target again while the first
 * report is open answers that report with 200; a new report is 201. Every report, of any kind, takes a place in the
 * reporter's daily {@link ReportQuota}.
 */
@RestController
@Tag(name = "Social")
class ReportCommandController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Accounts accounts;
    private final OpenReports openReports;
    private final ReportQuota quota;
    private final MessageReports messageReports;

    ReportCommandController(CommandGateway commands, QueryGateway queries, Accounts accounts, OpenReports openReports, ReportQuota quota,
                            MessageReports messageReports) {
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        this.openReports = openReports;
        this.quota = quota;
        this.messageReports = messageReports;
    }

    @PostMapping("/api/reports")
    @Operation(summary = "Report a user, a gathering or a message to support (201; 200 with the same reportId while the reporter's "
            + "report of that target is open)", description = "404 for an unknown user, a gathering the caller cannot see, or a "
            + "message outside the caller's conversations; 422 CANNOT_REPORT_SELF; 429 RATE_LIMITED past the daily cap "
            + "(soiree.abuse.reports-per-user-per-day).")
    ResponseEntity<ReportResponse> report(@Valid @RequestBody ReportRequest request, Actor actor) {
        UserId reporter = actor.userId();
        return switch (request.targetType()) {
            case MESSAGE -> {
                MessageReports.Filed filed = messageReports.report(new MessageId(request.targetId()), reporter, request.reason(),
                        request.note());
                yield answer(new ReportId(filed.reportId()), filed.created());
            }
            case USER -> {
                UserId userId = new UserId(request.targetId());
                if (!accounts.unregistered(Set.of(userId)).isEmpty()) {
                    throw SoireeException.notFound("User " + userId);
                }
                yield file(reporter, ReportTargetType.USER, userId.value(),
                        reportId -> new ReportUser(reportId, reporter, userId, request.reason(), request.note()));
            }
            case GATHERING -> {
                GatheringView gathering = visibleGathering(new GatheringId(request.targetId()), reporter);
                yield file(reporter, ReportTargetType.GATHERING, gathering.gatheringId().value(),
                        reportId -> new ReportGathering(reportId, reporter, gathering.gatheringId(), gathering.hostId(), request.reason(),
                                request.note()));
            }
        };
    }

    /** The reporter's open report of the target, or a new one; a refused report gives its place in the quota back. */
    private ResponseEntity<ReportResponse> file(UserId reporter, ReportTargetType targetType, UUID targetId,
                                                Function<ReportId, Object> command) {
        Optional<ReportId> open = openReports.find(reporter, targetType, targetId);
        if (open.isPresent()) {
            return answer(open.get(), false);
        }
        ReportId reportId = ReportId.random();
        quota.take(reporter, reportId.value());
        try {
            commands.sendAndWait(command.apply(reportId));
        } catch (RuntimeException refused) {
            quota.giveBack(reportId.value());
            // Filed twice at once: the other request's report holds the target (open_reports' unique key refused this one).
            Optional<ReportId> raced = openReports.find(reporter, targetType, targetId);
            if (raced.isPresent()) {
                return answer(raced.get(), false);
            }
            throw refused;
        }
        return answer(reportId, true);
    }

    /** A gathering the reporter may see: a draft is only its host's, and someone else's draft is answered 404 like an unknown id. */
    private GatheringView visibleGathering(GatheringId gatheringId, UserId reporter) {
        GatheringView gathering = queries.query(new FindGathering(gatheringId, reporter), ResponseTypes.instanceOf(GatheringView.class)).join();
        if (gathering == null) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        return gathering;
    }

    private static ResponseEntity<ReportResponse> answer(ReportId reportId, boolean created) {
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(new ReportResponse(reportId));
    }

    record ReportRequest(@NotNull ReportTargetType targetType, @NotNull UUID targetId, @NotNull ReportReason reason,
                         @Nullable @Size(max = ReportRules.MAX_NOTE_LENGTH) String note) {
    }

    record ReportResponse(ReportId reportId) {
    }
}
