package app.soiree.query.dispute;

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
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeProviderStatusChanged;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.EvidenceFileUploaded;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.identity.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code disputes}, their evidence, files and timeline in step with the payment's and the dispute's events.
 * The row opens with the payment's {@link PaymentDisputed}, which comes before anything else about the dispute in
 * the stream; the dispute's own {@link DisputeOpened} finds it there. Every handler is safe to run twice, and every
 * change is pushed to subscribers of {@link FindDisputes} and {@link FindDispute} (the console's live queue).
 */
@Component
@ProcessingGroup(DisputeProjection.PROCESSING_GROUP)
class DisputeProjection {

    static final String PROCESSING_GROUP = "dispute-views";

    private final JdbcTemplate jdbc;
    private final DisputeRows rows;
    private final QueryUpdateEmitter updates;

    DisputeProjection(JdbcTemplate jdbc, DisputeRows rows, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.updates = updates;
    }

    @EventHandler
    void on(PaymentDisputed event, EventMessage<?> message, TrackingToken token) {
        open(event.disputeId(), event.paymentId().value(), event.bookingId().value(), event.gatheringId().value(), event.hostId().value(),
                event.guestId().value(), event.provider(), event.providerDisputeId(), event.amount().amountMinor(),
                event.amount().currency().getCurrencyCode(), event.fee().amountMinor(), event.hostShare().amountMinor(), event.reason(),
                event.evidenceDueBy(), event.openedAt());
        changed(event.disputeId(), message, token, "the provider withdrew " + event.amount().plus(event.fee()) + "; the host's "
                + event.hostShare() + " is held; evidence due by " + event.evidenceDueBy());
    }

    @EventHandler
    void on(DisputeOpened event, EventMessage<?> message, TrackingToken token) {
        open(event.disputeId(), event.paymentId().value(), event.bookingId().value(), event.gatheringId().value(), event.hostId().value(),
                event.guestId().value(), event.provider(), event.providerDisputeId(), event.amount().amountMinor(),
                event.amount().currency().getCurrencyCode(), event.fee().amountMinor(), event.hostShare().amountMinor(), event.reason(),
                event.evidenceDueBy(), event.openedAt());
        changed(event.disputeId(), message, token, "waiting for evidence until " + event.evidenceDueBy());
    }

    @EventHandler
    void on(ProviderDisputeUpdated event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("update disputes set provider_status = ?, evidence_due_by = ?, updated_at = ? where dispute_id = ?",
                event.status().name(), Timestamp.from(event.evidenceDueBy()), Timestamp.from(message.getTimestamp()), event.disputeId().value());
        changed(event.disputeId(), message, token, "the provider reports " + event.status() + ", evidence due by " + event.evidenceDueBy());
    }

    @EventHandler
    void on(EvidenceFileUploaded event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("""
                insert into dispute_files (file_id, dispute_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.fileId().value(), event.disputeId().value(), event.fileName(), event.contentType(), event.sizeBytes(),
                event.uploadedBy().value(), Timestamp.from(event.uploadedAt()));
        changed(event.disputeId(), message, token, event.fileName() + " (" + event.contentType() + ", " + event.sizeBytes() + " bytes)");
    }

    @EventHandler
    void on(DisputeEvidenceAdded event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("""
                insert into dispute_evidence (evidence_id, dispute_id, text, file_ids, added_by, added_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.evidenceId().value(), event.disputeId().value(), event.text(),
                event.fileIds().stream().map(file -> file.value()).toArray(UUID[]::new), event.addedBy().value(),
                Timestamp.from(event.addedAt()));
        changed(event.disputeId(), message, token, event.text().length() + " characters, " + event.fileIds().size() + " files");
    }

    /** The dispute's status does not change until the provider has answered: only the timeline says it is under way. */
    @EventHandler
    void on(DisputeDecisionStarted event, EventMessage<?> message, TrackingToken token) {
        changed(event.disputeId(), message, token, event.decision() == DisputeDecision.SUBMIT
                ? "submitting " + event.evidenceIds().size() + " pieces of evidence to the provider…" : "conceding at the provider…");
    }

    @EventHandler
    void on(DisputeDecisionFailed event, EventMessage<?> message, TrackingToken token) {
        changed(event.disputeId(), message, token, (event.decision() == DisputeDecision.SUBMIT ? "not submitted: " : "not conceded: ")
                + event.reason());
    }

    @EventHandler
    void on(DisputeEvidenceSubmitted event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("update disputes set status = ?, submitted_at = ?, submitted_by = ?, updated_at = ? where dispute_id = ? and status = ?",
                DisputeStatus.UNDER_REVIEW.name(), Timestamp.from(event.submittedAt()), event.submittedBy().value(),
                Timestamp.from(event.submittedAt()), event.disputeId().value(), DisputeStatus.NEEDS_RESPONSE.name());
        changed(event.disputeId(), message, token, event.evidenceIds().size() + " pieces of evidence sent to the provider");
    }

    @EventHandler
    void on(DisputeProviderStatusChanged event, EventMessage<?> message, TrackingToken token) {
        if (event.status() == ProviderDisputeStatus.UNDER_REVIEW) {
            jdbc.update("update disputes set status = ?, updated_at = ? where dispute_id = ? and status = ?", DisputeStatus.UNDER_REVIEW.name(),
                    Timestamp.from(event.changedAt()), event.disputeId().value(), DisputeStatus.NEEDS_RESPONSE.name());
        }
        changed(event.disputeId(), message, token, "evidence reached the provider another way; it is " + event.status());
    }

    @EventHandler
    void on(DisputeAccepted event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("update disputes set status = ?, accepted_at = ?, accepted_by = ?, updated_at = ? where dispute_id = ? and status in (?, ?)",
                DisputeStatus.ACCEPTED.name(), Timestamp.from(event.acceptedAt()), event.acceptedBy().value(), Timestamp.from(event.acceptedAt()),
                event.disputeId().value(), DisputeStatus.NEEDS_RESPONSE.name(), DisputeStatus.UNDER_REVIEW.name());
        changed(event.disputeId(), message, token, "conceded; the provider confirms the loss");
    }

    @EventHandler
    void on(DisputeDueDateChanged event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("update disputes set evidence_due_by = ?, overdue = false, updated_at = ? where dispute_id = ?",
                Timestamp.from(event.evidenceDueBy()), Timestamp.from(event.changedAt()), event.disputeId().value());
        changed(event.disputeId(), message, token, "evidence now due by " + event.evidenceDueBy());
    }

    @EventHandler
    void on(DisputeEvidenceOverdue event, EventMessage<?> message, TrackingToken token) {
        jdbc.update("update disputes set overdue = true, updated_at = ? where dispute_id = ?", Timestamp.from(event.markedAt()),
                event.disputeId().value());
        changed(event.disputeId(), message, token, "evidence was due by " + event.evidenceDueBy() + "; nothing was submitted");
    }

    /** The money moved with the payment's DisputeWon or DisputeLost; the dispute's own DisputeClosed follows. */
    @EventHandler
    void on(DisputeWon event, EventMessage<?> message, TrackingToken token) {
        close(event.disputeId(), DisputeStatus.WON, event.wonAt());
        changed(event.disputeId(), message, token, "won: the provider reinstated " + event.amount().plus(event.fee()) + "; "
                + event.hostShare() + " returns to the host");
    }

    @EventHandler
    void on(DisputeLost event, EventMessage<?> message, TrackingToken token) {
        close(event.disputeId(), DisputeStatus.LOST, event.lostAt());
        changed(event.disputeId(), message, token, "lost: " + event.amount().plus(event.fee()) + " is gone; the host bears " + event.hostShare());
    }

    @EventHandler
    void on(DisputeClosed event, EventMessage<?> message, TrackingToken token) {
        close(event.disputeId(), event.outcome() == DisputeOutcome.WON ? DisputeStatus.WON : DisputeStatus.LOST,
                event.closedAt());
        changed(event.disputeId(), message, token, "closed: " + event.outcome());
    }

    private void open(DisputeId disputeId, UUID paymentId, UUID bookingId, UUID gatheringId, UUID hostId, UUID guestId, String provider,
                      String providerDisputeId, long amount, String currency, long fee, long hostShare, String reason, Instant evidenceDueBy,
                      Instant openedAt) {
        jdbc.update("""
                insert into disputes (dispute_id, payment_id, booking_id, gathering_id, host_id, guest_id, provider, provider_dispute_id,
                                      amount, currency, fee, host_share, reason, status, provider_status, evidence_due_by, opened_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                disputeId.value(), paymentId, bookingId, gatheringId, hostId, guestId, provider, providerDisputeId, amount, currency, fee,
                hostShare, reason, DisputeStatus.NEEDS_RESPONSE.name(), ProviderDisputeStatus.NEEDS_RESPONSE.name(),
                Timestamp.from(evidenceDueBy), Timestamp.from(openedAt), Timestamp.from(openedAt));
    }

    private void close(DisputeId disputeId, DisputeStatus outcome, Instant at) {
        jdbc.update("""
                update disputes set status = ?, provider_status = ?, closed_at = coalesce(closed_at, ?), overdue = false, updated_at = ?
                where dispute_id = ?""",
                outcome.name(), outcome.name(), Timestamp.from(at), Timestamp.from(at), disputeId.value());
    }

    /** One timeline row per event, and the dispute as it now stands to whoever watches the queue or the dispute. */
    private void changed(DisputeId disputeId, EventMessage<?> message, TrackingToken token, String detail) {
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("Token " + token + " has no position"));
        Object actor = message.getMetaData().get(Actor.USER_ID_KEY);
        jdbc.update("""
                insert into dispute_timeline (event_id, dispute_id, global_index, occurred_at, what, actor, detail)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                message.getIdentifier(), disputeId.value(), globalIndex, Timestamp.from(message.getTimestamp()),
                message.getPayloadType().getSimpleName(), actor == null ? Actor.SYSTEM : actor.toString(), detail);
        rows.summary(disputeId).ifPresent(summary -> {
            updates.emit(FindDisputes.class, query -> true, summary);
            updates.emit(FindDispute.class, query -> query.disputeId().equals(disputeId), summary);
        });
    }
}
