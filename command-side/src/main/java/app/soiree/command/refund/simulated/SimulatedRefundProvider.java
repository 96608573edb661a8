package app.soiree.command.refund.simulated;

import app.soiree.api.Money;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.command.provider.ProviderInbox;
import app.soiree.command.refund.ProviderRefund;
import app.soiree.command.refund.RefundProvider;
import app.soiree.command.refund.RefundRequest;
import app.soiree.command.refund.RefundsProperties;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refund provider that moves no money. Like Stripe it remembers one refund per refund id (asking
 * again finds it), answers "pending", and reports the outcome afterwards as a provider event through the
 * same inbox as Stripe's webhooks ({@code refund.succeeded}, {@code refund.failed}), so everything after
 * the provider runs exactly as it does with Stripe. The outcome is {@code soiree.refunds.simulated-outcome}
 * ({@code succeeded} at once by default, or {@code pending} until decided), unless a developer chose one
 * for the refund through {@code POST /api/dev/refunds/{refundId}/outcome}, before or after it was asked for.
 */
public class SimulatedRefundProvider implements RefundProvider {

    static final String SUCCEEDED_EVENT = "refund.succeeded";
    static final String FAILED_EVENT = "refund.failed";
    static final String FAILURE_REASON = "declined by the simulated provider";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Status { AWAITING_REQUEST, PENDING, SUCCEEDED, FAILED }

    record SimulatedRefund(RefundId refundId, @Nullable PaymentId paymentId, String reference, @Nullable Money amount, Status status,
                           @Nullable Status presetOutcome) {
    }

    /** The event the simulator reports an outcome with, as stored in the inbox. */
    record SimulatedEvent(String type, String refundId, String paymentId, String reference, long amount, String currency,
                          @Nullable String failureReason) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ProviderInbox inbox;
    private final RefundsProperties properties;

    public SimulatedRefundProvider(JdbcTemplate jdbc, Clock clock, ProviderInbox inbox, RefundsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inbox = inbox;
        this.properties = properties;
    }

    @Override
    public ProviderRefund refund(RefundRequest request) {
        Timestamp now = Timestamp.from(clock.instant());
        // On either unique key: the reference is made from the id,
        // so both name the same row (naming only the id let two at once fail with 500 on the other).
        jdbc.update("""
                insert into simulated_refunds (refund_id, reference, status, updated_at) values (?, ?, ?, ?)
                on conflict do nothing""",
                request.refundId().value(), referenceFor(request.refundId()), Status.AWAITING_REQUEST.name(), now);
        Status unlessPreset = properties.simulatedOutcome() == RefundsProperties.SimulatedOutcome.succeeded ? Status.SUCCEEDED : Status.PENDING;
        // The outcome a developer chose is read in the same statement that leaves AWAITING_REQUEST, so a choice made at that
        // moment either comes first and is applied, or finds the refund asked for (see preset).
        jdbc.update("""
                update simulated_refunds set payment_id = ?, amount = ?, currency = ?, status = coalesce(preset_outcome, ?), updated_at = ?
                where refund_id = ? and status = ?""",
                request.paymentId().value(), request.amount().amountMinor(), request.amount().currency().getCurrencyCode(),
                unlessPreset.name(), now, request.refundId().value(), Status.AWAITING_REQUEST.name());
        SimulatedRefund known = find(request.refundId()).orElseThrow();
        // Asked again (the first answer got lost): the outcome is reported again, under the same event id, which the inbox drops.
        reportOutcome(known);
        return ProviderRefund.pending(known.reference());
    }

    @Override
    public ProviderRefund retrieve(String providerReference) {
        return first(jdbc.query("select * from simulated_refunds where reference = ?", this::row, providerReference))
                .map(refund -> switch (refund.status()) {
                    case AWAITING_REQUEST, PENDING -> ProviderRefund.pending(refund.reference());
                    case SUCCEEDED -> ProviderRefund.succeeded(refund.reference());
                    case FAILED -> ProviderRefund.declined(refund.reference(), FAILURE_REASON);
                })
                .orElseGet(() -> ProviderRefund.unknown("the simulator has no refund " + providerReference));
    }

    Optional<SimulatedRefund> find(RefundId refundId) {
        return first(jdbc.query("select * from simulated_refunds where refund_id = ?", this::row, refundId.value()));
    }

    /**
     * Remembers the outcome a developer chose for a refund that has not been asked for yet. False when it has been asked
     * for meanwhile (the refunds saga's request committed first): then it is settled like any refund asked for.
     */
    boolean preset(RefundId refundId, Status outcome) {
        try {
            return jdbc.update("""
                    insert into simulated_refunds (refund_id, reference, status, preset_outcome, updated_at) values (?, ?, ?, ?, ?)
                    on conflict (refund_id) do update set preset_outcome = excluded.preset_outcome, updated_at = excluded.updated_at
                    where simulated_refunds.status = ?""",
                    refundId.value(), referenceFor(refundId), Status.AWAITING_REQUEST.name(), outcome.name(), Timestamp.from(clock.instant()),
                    Status.AWAITING_REQUEST.name()) == 1;
        } catch (DuplicateKeyException askedForMeanwhile) {
            // The request's row was being inserted at the same moment; PostgreSQL found it by its reference (unique as
            // well, and not the conflict this statement arbitrates), once it was committed.
            return false;
        }
    }

    /** Moves a refund that was asked for to its outcome, and reports it. */
    void settle(SimulatedRefund refund, Status outcome) {
        jdbc.update("update simulated_refunds set status = ?, updated_at = ? where refund_id = ?", outcome.name(),
                Timestamp.from(clock.instant()), refund.refundId().value());
        reportOutcome(find(refund.refundId()).orElseThrow());
    }

    private void reportOutcome(SimulatedRefund refund) {
        if (refund.status() != Status.SUCCEEDED && refund.status() != Status.FAILED) {
            return;
        }
        Money amount = Objects.requireNonNull(refund.amount());
        String type = refund.status() == Status.SUCCEEDED ? SUCCEEDED_EVENT : FAILED_EVENT;
        String payload = JSON.writeValueAsString(new SimulatedEvent(type, refund.refundId().toString(),
                Objects.requireNonNull(refund.paymentId()).toString(), refund.reference(), amount.amountMinor(),
                amount.currency().getCurrencyCode(), refund.status() == Status.FAILED ? FAILURE_REASON : null));
        String eventId = eventIdFor(refund.refundId(), type);
        // Stored with what this transaction writes (the payment's pending refund, the simulator's row), so neither is
        // there without the other; like a webhook, it is applied after the call that caused it: once that has committed.
        inbox.receive(eventId, type, payload);
    }

    private SimulatedRefund row(ResultSet row, int index) throws SQLException {
        String currency = row.getString("currency");
        UUID paymentId = row.getObject("payment_id", UUID.class);
        String preset = row.getString("preset_outcome");
        return new SimulatedRefund(new RefundId(row.getObject("refund_id", UUID.class)),
                paymentId == null ? null : new PaymentId(paymentId), row.getString("reference"),
                currency == null ? null : new Money(row.getLong("amount"), Currency.getInstance(currency)),
                Status.valueOf(row.getString("status")), preset == null ? null : Status.valueOf(preset));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private static String referenceFor(RefundId refundId) {
        return "sim_re_" + nameUuid("reference:" + refundId);
    }

    /** One event id per refund and outcome: reporting the same outcome again is a copy the inbox recognises. */
    private static String eventIdFor(RefundId refundId, String type) {
        return "sim_evt_" + nameUuid(type + ":" + refundId);
    }

    private static String nameUuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
