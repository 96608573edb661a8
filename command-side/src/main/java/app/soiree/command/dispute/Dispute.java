package app.soiree.command.dispute;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.CompleteDisputeDecision;
import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeDecision;
import app.soiree.api.dispute.DisputeDecisionFailed;
import app.soiree.api.dispute.DisputeDecisionStarted;
import app.soiree.api.dispute.DisputeDueDateChanged;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.DisputeEvidenceOverdue;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeProviderStatusChanged;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.EvidenceFileUploaded;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.FailDisputeDecision;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordDisputeOutcome;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.RegisterDispute;
import app.soiree.api.dispute.StartDisputeDecision;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * Support's work on one provider dispute: evidence (texts and files), its submission to the provider, or conceding
 * the dispute, against the evidence due date. It is opened and closed by the {@link DisputeTracker} after the
 * payment has booked the provider's word (the money moves there), so its commands from the tracker arrive in the
 * payment's order and any number of times, and change nothing the second time. Its status moves are named in
 * {@link DisputeTransitions}.
 *
 * <p>Submitting and accepting are decided here and carried out by the {@link DisputeResponses} process, which holds no
 * dispute while the provider answers. A decision is claimed first ({@link DisputeDecisionStarted}); while claimed, the
 * dispute takes no other decision and no evidence, so a submission and a concession never both reach the provider; the
 * same decision may be claimed again, under the same idempotency key. The claim ends with the recorded answer, with the
 * provider's own word (under review, or lost after a concession), or after {@link #DECISION_LEASE}: see the process.
 *
 * <p>The due date is a durable deadline. When it passes with nothing submitted or conceded, the dispute is marked
 * overdue ({@link DisputeEvidenceOverdue}) and stays open: conceding is support's decision, never the clock's.
 */
@Aggregate
public class Dispute {

    static final String EVIDENCE_DUE = "dispute-evidence-due";
    static final String DECISION_LAPSES = "dispute-decision-lapses";
    static final Duration DECISION_LEASE = Duration.ofMinutes(10); // many times the longest provider call (five calls, 25 s each)

    @AggregateIdentifier
    private DisputeId disputeId;
    private String providerDisputeId;
    private DisputeStatus status;
    private Instant evidenceDueBy;
    private boolean overdue;
    private final DisputeEvidence evidence = new DisputeEvidence();
    private @Nullable DisputeClaim claim;

    protected Dispute() {
        // for Axon's event sourcing, and for the first RegisterDispute
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterDispute command, DeadlineManager deadlines) {
        if (disputeId != null) {
            return;
        }
        apply(new DisputeOpened(command.disputeId(), command.paymentId(), command.bookingId(), command.gatheringId(), command.hostId(),
                command.guestId(), command.provider(), command.providerDisputeId(), command.amount(), command.fee(), command.hostShare(),
                command.reason(), command.evidenceDueBy(), command.openedAt()));
        deadlines.schedule(command.evidenceDueBy(), EVIDENCE_DUE, new EvidenceDue(command.disputeId(), command.evidenceDueBy()));
    }

    @CommandHandler
    void handle(RecordEvidenceFile command, DisputePolicy policy, Clock clock) {
        if (evidence.hasFile(command.fileId())) {
            return;
        }
        requireOpenForEvidence();
        evidence.requireRoomForFile(policy);
        apply(new EvidenceFileUploaded(disputeId, command.fileId(), command.fileName(), command.contentType(), command.sizeBytes(),
                command.sha256(), command.uploadedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AddDisputeEvidence command, DisputePolicy policy, Clock clock) {
        if (evidence.has(command.evidenceId())) {
            return;
        }
        requireOpenForEvidence();
        String text = evidence.checkedText(command, policy);
        apply(new DisputeEvidenceAdded(disputeId, command.evidenceId(), text, command.fileIds(), command.addedBy(), clock.instant()));
    }

    /** Claims support's decision and answers what to ask of the provider; nothing when it was decided so already. */
    @CommandHandler
    @Nullable DisputeCall handle(StartDisputeDecision command, Clock clock, DeadlineManager deadlines) {
        requireNotClosed();
        boolean submit = command.decision() == DisputeDecision.SUBMIT;
        DisputeStatus decided = submit ? DisputeStatus.UNDER_REVIEW : DisputeStatus.ACCEPTED;
        if (status == decided) {
            return null; // a second click changes nothing
        }
        if (!DisputeTransitions.allows(status, decided)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, submit ? "The dispute was conceded; there is nothing to submit"
                    : "The evidence was submitted; the provider is deciding");
        }
        if (claim != null && claim.decision() != command.decision()) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The dispute is being " + (submit ? "conceded" : "submitted") + "; wait");
        }
        if (submit && evidence.isEmpty()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "Add evidence before submitting it");
        }
        // While claimed, the evidence cannot change: a claim made again has the same evidence, hence the same key.
        List<EvidenceId> evidenceIds = submit ? evidence.ids() : List.of();
        String key = DisputeCall.idempotencyKey(disputeId, submit ? "submit" : "accept", evidenceIds);
        Instant now = clock.instant();
        apply(new DisputeDecisionStarted(disputeId, command.decision(), key, evidenceIds, command.decidedBy(), now));
        deadlines.cancelAllWithinScope(DECISION_LAPSES);
        deadlines.schedule(now.plus(DECISION_LEASE), DECISION_LAPSES, new DecisionLapse(disputeId, key));
        return submit ? new DisputeSubmission(disputeId, providerDisputeId, evidence.text(), evidence.files(), key)
                : new DisputeAcceptance(disputeId, providerDisputeId, key);
    }

    @CommandHandler
    void handle(CompleteDisputeDecision command, Clock clock, DeadlineManager deadlines) {
        if (claimed(command.idempotencyKey())) { // else settled already, by the provider's own word
            settle(command.providerReference(), clock.instant(), deadlines);
        }
    }

    @CommandHandler
    void handle(FailDisputeDecision command, Clock clock, DeadlineManager deadlines) {
        if (claimed(command.idempotencyKey())) {
            apply(Objects.requireNonNull(claim).failed(command.reason(), clock.instant()));
            deadlines.cancelAllWithinScope(DECISION_LAPSES);
        }
    }

    @CommandHandler
    void handle(RecordProviderDisputeUpdate command, Clock clock, DeadlineManager deadlines) {
        if (status.isClosed()) {
            return;
        }
        Instant now = clock.instant();
        if (!command.evidenceDueBy().equals(evidenceDueBy)) {
            apply(new DisputeDueDateChanged(disputeId, command.evidenceDueBy(), now));
            deadlines.cancelAllWithinScope(EVIDENCE_DUE);
            if (status == DisputeStatus.NEEDS_RESPONSE) {
                deadlines.schedule(command.evidenceDueBy(), EVIDENCE_DUE, new EvidenceDue(disputeId, command.evidenceDueBy()));
            }
        }
        if (command.status() == ProviderDisputeStatus.UNDER_REVIEW && DisputeTransitions.allows(status, DisputeStatus.UNDER_REVIEW)) {
            if (claim != null && claim.decision() == DisputeDecision.SUBMIT) {
                settle("provider:" + command.status(), now, deadlines); // our submission arrived before its answer was recorded
            } else { // evidence went in some other way (the provider's dashboard): support can no longer add any here
                apply(new DisputeProviderStatusChanged(disputeId, command.status(), now));
                deadlines.cancelAllWithinScope(EVIDENCE_DUE);
            }
        }
    }

    @CommandHandler
    void handle(RecordDisputeOutcome command, DeadlineManager deadlines) {
        if (!DisputeTransitions.allows(status, DisputeTransitions.closedAs(command.outcome()))) {
            return; // decided once
        }
        if (claim != null && claim.decision() == DisputeDecision.ACCEPT && command.outcome() == DisputeOutcome.LOST) {
            settle("provider:" + command.outcome(), command.decidedAt(), deadlines); // the provider confirms our concession first
        }
        apply(new DisputeClosed(disputeId, command.outcome(), command.decidedAt()));
        deadlines.cancelAllWithinScope(EVIDENCE_DUE);
        deadlines.cancelAllWithinScope(DECISION_LAPSES);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = EVIDENCE_DUE)
    void evidenceDue(EvidenceDue due, Clock clock) {
        if (status != DisputeStatus.NEEDS_RESPONSE || overdue || !due.dueBy().equals(evidenceDueBy)) {
            return;
        }
        apply(new DisputeEvidenceOverdue(disputeId, evidenceDueBy, evidence.size(), clock.instant()));
    }

    @DeadlineHandler(deadlineName = DECISION_LAPSES)
    void decisionLapsed(DecisionLapse lapse, Clock clock) {
        if (claimed(lapse.idempotencyKey())) {
            apply(Objects.requireNonNull(claim).failed("No outcome was recorded within " + DECISION_LEASE, clock.instant()));
        }
    }

    private boolean claimed(String idempotencyKey) {
        return claim != null && claim.idempotencyKey().equals(idempotencyKey);
    }

    private void settle(String providerReference, Instant at, DeadlineManager deadlines) {
        apply(Objects.requireNonNull(claim).done(providerReference, at));
        deadlines.cancelAllWithinScope(EVIDENCE_DUE);
        deadlines.cancelAllWithinScope(DECISION_LAPSES);
    }

    private void requireNotClosed() {
        if (status.isClosed()) {
            throw new SoireeException(ErrorCode.DISPUTE_CLOSED, "The dispute was decided (" + status + "); nothing more can be done on it");
        }
    }

    private void requireOpenForEvidence() {
        requireNotClosed();
        if (status != DisputeStatus.NEEDS_RESPONSE || claim != null) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The dispute is " + (claim != null ? "being decided" : status) + "; no more evidence");
        }
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        providerDisputeId = event.providerDisputeId();
        status = DisputeStatus.NEEDS_RESPONSE;
        evidenceDueBy = event.evidenceDueBy();
    }

    @EventSourcingHandler
    void on(EvidenceFileUploaded event) {
        evidence.uploaded(event.fileId());
    }

    @EventSourcingHandler
    void on(DisputeEvidenceAdded event) {
        evidence.added(event);
    }

    @EventSourcingHandler
    void on(DisputeDecisionStarted event) {
        claim = DisputeClaim.of(event);
    }

    @EventSourcingHandler
    void on(DisputeDecisionFailed event) {
        claim = null; // the dispute is as it was before the claim
    }

    @EventSourcingHandler
    void on(DisputeEvidenceSubmitted event) {
        status = DisputeStatus.UNDER_REVIEW;
        claim = null;
    }

    @EventSourcingHandler
    void on(DisputeProviderStatusChanged event) {
        if (event.status() == ProviderDisputeStatus.UNDER_REVIEW && DisputeTransitions.allows(status, DisputeStatus.UNDER_REVIEW)) {
            status = DisputeStatus.UNDER_REVIEW;
            claim = null;
        }
    }

    @EventSourcingHandler
    void on(DisputeAccepted event) {
        status = DisputeStatus.ACCEPTED;
        claim = null;
    }

    @EventSourcingHandler
    void on(DisputeDueDateChanged event) {
        evidenceDueBy = event.evidenceDueBy();
        overdue = false;
    }

    @EventSourcingHandler
    void on(DisputeEvidenceOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(DisputeClosed event) {
        status = DisputeTransitions.closedAs(event.outcome());
        claim = null;
    }
}
