package app.soiree.command.payment.simulated;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.payment.PaymentIntentRequest;
import app.soiree.command.payment.PaymentProvider;
import app.soiree.command.payment.ProviderPayment;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider that moves no money. It remembers one intent per payment, like Stripe, and its
 * outcomes are set through {@code POST /api/dev/payments/{paymentId}/outcome}; each outcome becomes a
 * provider event stored in the same inbox as Stripe's webhooks, so everything after the provider
 * behaves exactly as it does with Stripe.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    static final String NAME = "simulated";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BY_PAYMENT_ID = "select * from simulated_payment_intents where payment_id = ?";

    public enum IntentStatus { REQUIRES_PAYMENT, SUCCEEDED, FAILED }

    public record Intent(PaymentId paymentId, String reference, UserId guestId, Money amount, IntentStatus status) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SimulatedPaymentProvider(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderPayment create(PaymentIntentRequest request) {
        // On either unique key: the reference is made from the id,
        // so both name the same row (naming only the id let two at once fail with 500 on the other).
        jdbc.update("""
                insert into simulated_payment_intents (payment_id, reference, guest_id, amount, currency, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                request.paymentId().value(), referenceFor(request.paymentId()), request.guestId().value(), request.amount().amountMinor(),
                request.amount().currency().getCurrencyCode(), IntentStatus.REQUIRES_PAYMENT.name(), Timestamp.from(clock.instant()));
        Intent intent = find(request.paymentId()).orElseThrow();
        return answerFor(intent);
    }

    @Override
    public ProviderPayment retrieve(String providerReference) {
        return byReference(providerReference).map(this::answerFor)
                .orElseGet(() -> ProviderPayment.declined(providerReference, "the simulator has no intent " + providerReference));
    }

    private Optional<Intent> find(PaymentId paymentId) {
        return first(jdbc.query(BY_PAYMENT_ID, this::intent, paymentId.value()));
    }

    /** {@link #find}, the row locked until the caller's transaction ends: two outcomes for one intent are decided one after the other. */
    Optional<Intent> lock(PaymentId paymentId) {
        return first(jdbc.query(BY_PAYMENT_ID + " for update", this::intent, paymentId.value()));
    }

    /** Moves an intent to its outcome and writes the event the simulator reports it with. */
    String settle(Intent intent, IntentStatus outcome) {
        jdbc.update("update simulated_payment_intents set status = ? where payment_id = ?", outcome.name(), intent.paymentId().value());
        return JSON.writeValueAsString(new SimulatedEvent(outcome == IntentStatus.SUCCEEDED ? "payment.succeeded" : "payment.failed",
                intent.paymentId().toString(), intent.reference(), intent.amount().amountMinor(),
                intent.amount().currency().getCurrencyCode()));
    }

    record SimulatedEvent(String type, String paymentId, String reference, long amount, String currency) {
    }

    private Optional<Intent> byReference(String reference) {
        return first(jdbc.query("select * from simulated_payment_intents where reference = ?", this::intent, reference));
    }

    private ProviderPayment answerFor(Intent intent) {
        return switch (intent.status()) {
            case REQUIRES_PAYMENT -> ProviderPayment.pending(intent.reference(), intent.reference() + "_secret_simulated");
            case SUCCEEDED -> ProviderPayment.succeeded(intent.reference(), intent.amount(), null);
            case FAILED -> ProviderPayment.declined(intent.reference(), "declined by the simulated provider");
        };
    }

    private Intent intent(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        return new Intent(new PaymentId(row.getObject("payment_id", UUID.class)), row.getString("reference"),
                new UserId(row.getObject("guest_id", UUID.class)),
                new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))),
                IntentStatus.valueOf(row.getString("status")));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }

    private static String referenceFor(PaymentId paymentId) {
        return "sim_pi_" + UUID.nameUUIDFromBytes(paymentId.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
