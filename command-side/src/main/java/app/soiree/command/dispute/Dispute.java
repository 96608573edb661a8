package app.soiree.command.dispute;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeDueDateChanged;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.DisputeEvidenceOverdue;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeProviderStatusChanged;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileUploaded;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordDisputeOutcome;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.RegisterDispute;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Support's work on one provider dispute: evidence (texts and files), its submission to the provider, or conceding
 * the dispute, against the evidence due date. It is opened and closed by the {@link DisputeTracker} after the
 * payment has booked the provider's word (the money moves there), so its commands from the tracker arrive in the
 * payment's order and any number of times, and change nothing the second time. Its status moves are named in
 * {@link DisputeTransitions}.
 *
 * <p>Submitting and accepting call the provider from the command handler: both are rare, deliberate staff actions,
 * the call must be made once per decision, and holding the dispute while the provider answers turns two clicks on
 * "submit" into one submission and one no-op. The event is applied only after the provider said yes.
 *
 * <p>The due date is a durable deadline. When it passes with nothing submitted or conceded, the dispute is marked
 * overdue ({@link DisputeEvidenceOverdue}) and stays open: conceding is support's decision, never the clock's.
 */
@Aggregate
public class Dispute {

    static final String EVIDENCE_DUE = "dispute-evidence-due";
    private static final String TEXT_SEPARATOR = "\n\n---\n\n";

    @AggregateIdentifier
    private DisputeId disputeId;
    private String providerDisputeId;
    private DisputeStatus status;
    private Instant evidenceDueBy;
    private boolean overdue;
    private Map<EvidenceId, String> evidence = new LinkedHashMap<>();
    private Set<EvidenceFileId> uploaded = new LinkedHashSet<>();
    private Set<EvidenceFileId> attached = new LinkedHashSet<>();
    private int evidenceChars;

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
        if (uploaded.contains(command.fileId())) {
            return;
        }
        requireOpenForEvidence();
        if (uploaded.size() >= policy.maxFilesPerDispute()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "A dispute takes at most " + policy.maxFilesPerDispute() + " files");
        }
        apply(new EvidenceFileUploaded(disputeId, command.fileId(), command.fileName(), command.contentType(), command.sizeBytes(),
                command.sha256(), command.uploadedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(AddDisputeEvidence command, DisputePolicy policy, Clock clock) {
        if (evidence.containsKey(command.evidenceId())) {
            return;
        }
        requireOpenForEvidence();
        String text = command.text().strip();
        if (text.isEmpty() && command.fileIds().isEmpty()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Evidence needs a text or files");
        }
        for (EvidenceFileId file : command.fileIds()) {
            if (!uploaded.contains(file)) {
                throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "File " + file + " was not uploaded to this dispute");
            }
        }
        if (evidenceChars + text.length() > policy.maxEvidenceChars()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "The evidence texts of a dispute may have at most "
                    + policy.maxEvidenceChars() + " characters together; " + (policy.maxEvidenceChars() - evidenceChars) + " are left");
        }
        apply(new DisputeEvidenceAdded(disputeId, command.evidenceId(), text, command.fileIds(), command.addedBy(), clock.instant()));
    }

    @CommandHandler
    void handle(SubmitDisputeEvidence command, DisputeProvider provider, Clock clock, DeadlineManager deadlines) {
        requireNotClosed();
        if (status == DisputeStatus.UNDER_REVIEW) {
            return; // submitted already: a second click changes nothing
        }
        if (!DisputeTransitions.allows(status, DisputeStatus.UNDER_REVIEW)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The dispute was conceded; there is nothing to submit");
        }
        if (evidence.isEmpty()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "Add evidence before submitting it");
        }
        List<EvidenceId> submitted = List.copyOf(evidence.keySet());
        String text = String.join(TEXT_SEPARATOR, evidence.values().stream().filter(part -> !part.isEmpty()).toList());
        String reference = provider.submitEvidence(new DisputeSubmission(disputeId, providerDisputeId, text, List.copyOf(attached),
                idempotencyKey("submit", submitted)));
        apply(new DisputeEvidenceSubmitted(disputeId, submitted, command.submittedBy(), reference, clock.instant()));
        deadlines.cancelAllWithinScope(EVIDENCE_DUE);
    }

    @CommandHandler
    void handle(AcceptDispute command, DisputeProvider provider, Clock clock, DeadlineManager deadlines) {
        requireNotClosed();
        if (status == DisputeStatus.ACCEPTED) {
            return;
        }
        if (!DisputeTransitions.allows(status, DisputeStatus.ACCEPTED)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The evidence was submitted; the provider is deciding");
        }
        provider.accept(new DisputeAcceptance(disputeId, providerDisputeId, idempotencyKey("accept", List.of())));
        apply(new DisputeAccepted(disputeId, command.acceptedBy(), clock.instant()));
        deadlines.cancelAllWithinScope(EVIDENCE_DUE);
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
            // Evidence went in some other way (the provider's dashboard): support can no longer add any here.
            apply(new DisputeProviderStatusChanged(disputeId, command.status(), now));
            deadlines.cancelAllWithinScope(EVIDENCE_DUE);
        }
    }

    @CommandHandler
    void handle(RecordDisputeOutcome command, DeadlineManager deadlines) {
        if (!DisputeTransitions.allows(status, closedAs(command.outcome()))) {
            return; // decided once
        }
        apply(new DisputeClosed(disputeId, command.outcome(), command.decidedAt()));
        deadlines.cancelAllWithinScope(EVIDENCE_DUE);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = EVIDENCE_DUE)
    void evidenceDue(EvidenceDue due, Clock clock) {
        if (status != DisputeStatus.NEEDS_RESPONSE || overdue || !due.dueBy().equals(evidenceDueBy)) {
            return;
        }
        apply(new DisputeEvidenceOverdue(disputeId, evidenceDueBy, evidence.size(), clock.instant()));
    }

    private void requireNotClosed() {
        if (status.isClosed()) {
            throw new SoireeException(ErrorCode.DISPUTE_CLOSED, "The dispute was decided (" + status + "); nothing more can be done on it");
        }
    }

    private void requireOpenForEvidence() {
        requireNotClosed();
        if (status != DisputeStatus.NEEDS_RESPONSE) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The dispute is " + status + "; it takes no more evidence");
        }
    }

    private static DisputeStatus closedAs(DisputeOutcome outcome) {
        return outcome == DisputeOutcome.WON ? DisputeStatus.WON : DisputeStatus.LOST;
    }

    /** Stripe keeps idempotency keys for a day and refuses one reused with other parameters: the key names the evidence. */
    private String idempotencyKey(String action, List<EvidenceId> evidenceIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((disputeId + ":" + action).getBytes(StandardCharsets.UTF_8));
            evidenceIds.forEach(id -> sha.update((":" + id).getBytes(StandardCharsets.UTF_8)));
            return "dispute-" + action + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
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
        uploaded.add(event.fileId());
    }

    @EventSourcingHandler
    void on(DisputeEvidenceAdded event) {
        evidence.put(event.evidenceId(), event.text());
        attached.addAll(event.fileIds());
        evidenceChars += event.text().length();
    }

    @EventSourcingHandler
    void on(DisputeEvidenceSubmitted event) {
        status = DisputeStatus.UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(DisputeProviderStatusChanged event) {
        if (event.status() == ProviderDisputeStatus.UNDER_REVIEW && DisputeTransitions.allows(status, DisputeStatus.UNDER_REVIEW)) {
            status = DisputeStatus.UNDER_REVIEW;
        }
    }

    @EventSourcingHandler
    void on(DisputeAccepted event) {
        status = DisputeStatus.ACCEPTED;
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
        status = closedAs(event.outcome());
    }
}
