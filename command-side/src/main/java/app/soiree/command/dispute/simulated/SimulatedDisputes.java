package app.soiree.command.dispute.simulated;

import app.soiree.api.RandomUuids;
import app.soiree.command.payment.simulated.SimulatedDisputeDesk;
import app.soiree.command.payment.simulated.SimulatedPaymentProvider;
import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.dispute.DisputeAcceptance;
import app.soiree.command.dispute.DisputePolicy;
import app.soiree.command.dispute.DisputeProvider;
import app.soiree.command.dispute.DisputeSubmission;
import app.soiree.command.provider.ProviderInbox;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated provider's disputes, kept the way Stripe keeps them: at most one per payment, with a status and an
 * evidence due date. Every change is reported as a provider event through the same inbox as Stripe's webhooks, each
 * carrying the whole dispute: {@code dispute.created} when the guest's bank disputes the payment,
 * {@code dispute.updated} when evidence was submitted, {@code dispute.closed} when it is won or lost. Conceding closes
 * it as lost at once, as Stripe's close does, so the loss is booked from the provider's own word with both providers.
 */
public class SimulatedDisputes implements SimulatedDisputeDesk, DisputeProvider {

    static final String CREATED = "dispute.created";
    static final String UPDATED = "dispute.updated";
    static final String CLOSED = "dispute.closed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Status { needs_response, under_review, won, lost }

    record SimulatedDispute(PaymentId paymentId, String reference, Money amount, String reason, Status status, Instant evidenceDueBy) {
    }

    /** What the simulator writes for each dispute event, read back by {@link SimulatedDisputeEvents}. */
    record DisputeEvent(String paymentId, String dispute, long amount, String currency, String reason, String status,
                        String evidenceDueBy, String reportedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ProviderInbox inbox;
    private final DisputePolicy policy;
    private final Clock clock;

    public SimulatedDisputes(JdbcTemplate jdbc, ProviderInbox inbox, DisputePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.policy = policy;
        this.clock = clock;
    }

    /** The guest's bank disputes a paid intent; the same request again reports nothing new. */
    @Override
    public String open(SimulatedPaymentProvider.Intent intent, Money amount, String reason, @Nullable Instant evidenceDueBy) {
        if (intent.status() != SimulatedPaymentProvider.IntentStatus.SUCCEEDED) {
            throw new SoireeException(ErrorCode.PAYMENT_NOT_CAPTURED, "Only a payment that succeeded can be disputed");
        }
        if (!amount.currency().equals(intent.amount().currency()) || amount.isNegative() || amount.isZero()
                || amount.isGreaterThan(intent.amount())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A dispute is for between 1 and " + intent.amount().amountMinor()
                    + " minor units of " + intent.amount().currency());
        }
        Instant now = clock.instant();
        // On either unique key: the reference is made from the id,
        // so both name the same row (naming only the id let two at once fail with 500 on the other).
        int opened = jdbc.update("""
                insert into simulated_disputes (payment_id, reference, amount, currency, reason, status, evidence_due_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                intent.paymentId().value(), referenceFor(intent.paymentId()), amount.amountMinor(), amount.currency().getCurrencyCode(),
                reason, Status.needs_response.name(),
                Timestamp.from(evidenceDueBy != null ? evidenceDueBy : now.plus(policy.simulatedEvidenceWindow())), Timestamp.from(now),
                Timestamp.from(now));
        if (opened == 0) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The simulated payment is disputed already; a charge has one dispute at most");
        }
        return report(CREATED, find(intent.paymentId()).orElseThrow());
    }

    /** The provider decides an open dispute. */
    @Override
    public String decide(PaymentId paymentId, boolean won) {
        SimulatedDispute dispute = open(paymentId);
        return report(CLOSED, move(dispute, won ? Status.won : Status.lost, null));
    }

    @Override
    public String submitEvidence(DisputeSubmission submission) {
        SimulatedDispute dispute = byReference(submission.providerDisputeId());
        if (dispute.status() == Status.under_review) {
            return dispute.reference(); // the same submission again
        }
        requireNeedsResponse(dispute);
        String text = submission.text() + (submission.fileIds().isEmpty() ? "" : "\n\nfiles: " + submission.fileIds());
        report(UPDATED, move(dispute, Status.under_review, text));
        return dispute.reference();
    }

    @Override
    public void accept(DisputeAcceptance acceptance) {
        SimulatedDispute dispute = byReference(acceptance.providerDisputeId());
        if (dispute.status() == Status.lost) {
            return;
        }
        requireNeedsResponse(dispute);
        report(CLOSED, move(dispute, Status.lost, null));
    }

    private SimulatedDispute open(PaymentId paymentId) {
        SimulatedDispute dispute = find(paymentId).orElseThrow(() -> new SoireeException(ErrorCode.STATE_CONFLICT,
                "The simulated payment is not disputed; simulate \"disputed\" first"));
        if (dispute.status() == Status.won || dispute.status() == Status.lost) {
            throw new SoireeException(ErrorCode.DISPUTE_CLOSED, "The simulated dispute was decided already: " + dispute.status());
        }
        return dispute;
    }

    private static void requireNeedsResponse(SimulatedDispute dispute) {
        if (dispute.status() != Status.needs_response) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "The simulated dispute is " + dispute.status());
        }
    }

    private SimulatedDispute move(SimulatedDispute dispute, Status status, @Nullable String evidence) {
        jdbc.update("update simulated_disputes set status = ?, evidence = coalesce(?, evidence), updated_at = ? where payment_id = ?",
                status.name(), evidence, Timestamp.from(clock.instant()), dispute.paymentId().value());
        return new SimulatedDispute(dispute.paymentId(), dispute.reference(), dispute.amount(), dispute.reason(), status,
                dispute.evidenceDueBy());
    }

    /**
     * Stores the event in the inbox, as a webhook would be; returns its id. It is stored in the caller's transaction (support's
     * submit, say), so the simulator's new status and its report commit together, and, like a webhook, applied after the
     * call that caused it has completed: once that transaction has committed, so that applying it finds what it wrote.
     */
    private String report(String type, SimulatedDispute dispute) {
        String eventId = "sim_evt_" + RandomUuids.next().toString().replace("-", "");
        String payload = JSON.writeValueAsString(new DisputeEvent(dispute.paymentId().toString(), dispute.reference(),
                dispute.amount().amountMinor(), dispute.amount().currency().getCurrencyCode(), dispute.reason(), dispute.status().name(),
                dispute.evidenceDueBy().toString(), clock.instant().toString()));
        inbox.receive(eventId, type, payload);
        return eventId;
    }

    Optional<SimulatedDispute> find(PaymentId paymentId) {
        return first(jdbc.query("select * from simulated_disputes where payment_id = ?", this::dispute, paymentId.value()));
    }

    private SimulatedDispute byReference(String reference) {
        return first(jdbc.query("select * from simulated_disputes where reference = ?", this::dispute, reference))
                .orElseThrow(() -> new SoireeException(ErrorCode.STATE_CONFLICT, "The simulator has no dispute " + reference));
    }

    private SimulatedDispute dispute(ResultSet row, int index) throws SQLException {
        return new SimulatedDispute(new PaymentId(row.getObject("payment_id", UUID.class)), row.getString("reference"),
                new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))), row.getString("reason"),
                Status.valueOf(row.getString("status")), row.getTimestamp("evidence_due_by").toInstant());
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private static String referenceFor(PaymentId paymentId) {
        return "sim_dp_" + UUID.nameUUIDFromBytes(("dispute:" + paymentId).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
