package app.soiree.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.error.SoireeException;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.MarkPaymentOutcomeUnknown;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.RecordPaymentIntent;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundRequested;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The payment's money invariants under any sequence of provider reports, duplicates and refund
 * requests, run through a real Axon command bus and event-sourced repository: at most one capture,
 * postings that always balance, and never more refunded than captured.
 */
class PaymentInvariantsProperties {

    @Property(tries = 300)
    void anySequenceOfReportsCapturesAtMostOnceAndRefundsNoMoreThanCaptured(
            @ForAll("reports") List<Object> reports, @ForAll @IntRange(min = 1, max = 100_000) int amountMinor) {
        Money amount = Money.of(amountMinor, "EUR");
        Configuration axon = DefaultConfigurer.defaultConfiguration(false) // no Axon Server: in-process buses and an in-memory store
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(Payment.class)
                .registerComponent(Clock.class, configuration -> Clock.fixed(PaymentTest.NOW, ZoneOffset.UTC))
                .registerComponent(FeePolicy.class, configuration -> new FeePolicy(new BigDecimal("2.9"), 30L, Map.of()))
                .buildConfiguration();
        axon.start();
        try {
            axon.commandGateway().sendAndWait(new app.soiree.api.payment.RequestPayment(PaymentTest.PAYMENT, PaymentTest.BOOKING,
                    PaymentTest.GATHERING, PaymentTest.HOST, PaymentTest.GUEST, amount, "stripe", null));
            for (Object report : reports) {
                try {
                    axon.commandGateway().sendAndWait(concrete(report, amount));
                } catch (SoireeException refused) {
                    // a refusal (refund too large, nothing captured yet) is a valid answer; what counts is what got stored
                }
            }
            List<Object> stored = axon.eventStore().readEvents(PaymentTest.PAYMENT.toString()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();

            List<PaymentCaptured> captures = stored.stream().filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast).toList();
            assertThat(captures).hasSizeLessThanOrEqualTo(1);
            captures.forEach(capture -> Postings.requireBalanced(capture.postings()));
            long refunded = stored.stream().filter(RefundRequested.class::isInstance).map(RefundRequested.class::cast)
                    .mapToLong(refund -> refund.amount().amountMinor()).sum();
            long captured = captures.stream().mapToLong(capture -> capture.amount().amountMinor()).sum();
            assertThat(refunded).isLessThanOrEqualTo(captured);
            boolean reportedSuccess = reports.stream().anyMatch(Success.class::isInstance);
            assertThat(captures.isEmpty()).isEqualTo(!reportedSuccess);
        } finally {
            axon.shutdown();
        }
    }

    sealed interface Report permits Success, Failure, Intent, Unknown, Refund {
    }

    record Success(String eventId) implements Report {
    }

    record Failure(String eventId) implements Report {
    }

    record Intent() implements Report {
    }

    record Unknown() implements Report {
    }

    /** A refund of a share of the amount, by one of three refund ids (so some are repeats). */
    record Refund(int refundNumber, int percent) implements Report {
    }

    @Provide
    Arbitrary<List<Object>> reports() {
        Arbitrary<Object> report = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 3).map(n -> new Success("evt_s" + n)),
                Arbitraries.integers().between(1, 3).map(n -> new Failure("evt_f" + n)),
                Arbitraries.just(new Intent()),
                Arbitraries.just(new Unknown()),
                Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.integers().between(1, 100).map(p -> new Refund(n, p))));
        return report.list().ofMinSize(0).ofMaxSize(25);
    }

    private static Object concrete(Object report, Money amount) {
        return switch ((Report) report) {
            case Success success -> new CapturePayment(PaymentTest.PAYMENT, "pi_1", amount, null, success.eventId());
            case Failure failure -> new DeclinePayment(PaymentTest.PAYMENT, "card_declined", failure.eventId());
            case Intent intent -> new RecordPaymentIntent(PaymentTest.PAYMENT, "pi_1");
            case Unknown unknown -> new MarkPaymentOutcomeUnknown(PaymentTest.PAYMENT, "timeout");
            case Refund refund -> new RefundPayment(PaymentTest.PAYMENT, new RefundId(new UUID(7, refund.refundNumber())),
                    new Money(Math.max(1, amount.amountMinor() * refund.percent() / 100), amount.currency()), "refund " + refund.refundNumber());
        };
    }
}
