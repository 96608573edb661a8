package app.soiree.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.error.SoireeException;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.RequestPayment;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.MarkRefundOutcomeUnknown;
import app.soiree.api.refund.MarkRefundPending;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundFailed;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundRemaining;
import app.soiree.api.refund.RefundRequested;
import app.soiree.api.refund.RefundReversed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A payment's refund invariants under any sequence of partial refunds, refunds of what remains,
 * provider confirmations, failures (before and after success), pending and unknown reports, and copies
 * of all of them, through a real Axon command bus and event-sourced repository: what is set aside for
 * refunds never exceeds the capture, every refund's postings balance, each refund is booked at most once,
 * the host's share of what was refunded is always round(refunded·N/C), and so exactly N once all of the
 * capture was refunded.
 */
class RefundInvariantsProperties {

    @Property(tries = 300)
    void anySequenceOfRefundReportsKeepsTheMoneyExact(@ForAll("steps") List<Step> steps,
                                                      @ForAll @IntRange(min = 1, max = 100_000) int amountMinor,
                                                      @ForAll @IntRange(min = 0, max = 30) int feePercent) {
        Money amount = Money.of(amountMinor, "EUR");
        Configuration axon = axon(feePercent);
        try {
            axon.commandGateway().sendAndWait(new RequestPayment(PaymentTest.PAYMENT, PaymentTest.BOOKING, PaymentTest.GATHERING,
                    PaymentTest.HOST, PaymentTest.GUEST, amount, "stripe", "pi_1"));
            axon.commandGateway().sendAndWait(new CapturePayment(PaymentTest.PAYMENT, "pi_1", amount, null, "evt_capture"));
            for (Step step : steps) {
                try {
                    axon.commandGateway().sendAndWait(step.command(amount));
                } catch (SoireeException | IllegalStateException refused) {
                    // refusals (too much, a report about a refund never requested) are valid answers; what counts is what got stored
                }
            }
            List<Object> stored = axon.eventStore().readEvents(PaymentTest.PAYMENT.toString()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
            check(stored, amount);
        } finally {
            axon.shutdown();
        }
    }

    /**
     * The case that matters most for the host's share, made every time: partial refunds that add up to the
     * whole capture, confirmed in any order and reported more than once, take exactly the host's net.
     */
    @Property(tries = 200)
    void partialRefundsAddingUpToTheCaptureTakeExactlyTheNet(@ForAll @IntRange(min = 1, max = 100_000) int amountMinor,
                                                              @ForAll @IntRange(min = 0, max = 30) int feePercent,
                                                              @ForAll("cuts") List<Integer> cuts, @ForAll Random random) {
        Money amount = Money.of(amountMinor, "EUR");
        Configuration axon = axon(feePercent);
        try {
            axon.commandGateway().sendAndWait(new RequestPayment(PaymentTest.PAYMENT, PaymentTest.BOOKING, PaymentTest.GATHERING,
                    PaymentTest.HOST, PaymentTest.GUEST, amount, "stripe", "pi_1"));
            axon.commandGateway().sendAndWait(new CapturePayment(PaymentTest.PAYMENT, "pi_1", amount, null, "evt_capture"));
            List<Long> parts = split(amountMinor, cuts);
            List<RefundId> refundIds = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                RefundId refundId = new RefundId(new UUID(8, i));
                refundIds.add(refundId);
                axon.commandGateway().sendAndWait(new RefundPayment(PaymentTest.PAYMENT, refundId, Money.of(parts.get(i), "EUR"),
                        "part " + i));
            }
            List<RefundId> reports = new ArrayList<>(refundIds);
            reports.addAll(refundIds.subList(0, random.nextInt(refundIds.size() + 1)));
            Collections.shuffle(reports, random);
            for (RefundId refundId : reports) {
                axon.commandGateway().sendAndWait(new ConfirmRefund(PaymentTest.PAYMENT, refundId, "re_" + refundId, "evt_" + refundId));
            }
            List<Object> stored = axon.eventStore().readEvents(PaymentTest.PAYMENT.toString()).asStream()
                    .map(EventMessage::getPayload).map(Object.class::cast).toList();
            check(stored, amount);
            PaymentCaptured capture = stored.stream().filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast)
                    .findFirst().orElseThrow();
            long hostShares = stored.stream().filter(PaymentRefunded.class::isInstance).map(PaymentRefunded.class::cast)
                    .mapToLong(refund -> refund.hostShare().amountMinor()).sum();
            assertThat(hostShares).isEqualTo(capture.amount().minus(capture.platformFee()).amountMinor());
        } finally {
            axon.shutdown();
        }
    }

    /** {@code total} cut at the given points (each taken modulo the total), into at most as many positive parts plus one. */
    private static List<Long> split(long total, List<Integer> cuts) {
        TreeSet<Long> points = new TreeSet<>();
        for (int cut : cuts) {
            long point = Math.floorMod(cut, total);
            if (point > 0) {
                points.add(point);
            }
        }
        List<Long> parts = new ArrayList<>();
        long previous = 0;
        for (long point : points) {
            parts.add(point - previous);
            previous = point;
        }
        parts.add(total - previous);
        return parts;
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(0).ofMaxSize(8);
    }

    private static Configuration axon(int feePercent) {
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(Payment.class)
                .registerComponent(Clock.class, configuration -> Clock.fixed(PaymentTest.NOW, ZoneOffset.UTC))
                .registerComponent(FeePolicy.class, configuration -> new FeePolicy(BigDecimal.valueOf(feePercent), 30L, Map.of()))
                .buildConfiguration();
        axon.start();
        return axon;
    }

    private static void check(List<Object> stored, Money amount) {
        PaymentCaptured capture = stored.stream().filter(PaymentCaptured.class::isInstance).map(PaymentCaptured.class::cast)
                .findFirst().orElseThrow();
        long captured = capture.amount().amountMinor();
        long net = capture.amount().minus(capture.platformFee()).amountMinor();
        String pending = LedgerAccounts.hostPending(PaymentTest.HOST);
        long setAside = 0;
        long refunded = 0;
        long hostShare = 0;
        long pendingDebited = 0;
        Map<RefundId, Integer> bookedNow = new HashMap<>();
        for (Object event : stored) {
            switch (event) {
                case RefundRequested requested -> setAside += requested.amount().amountMinor();
                case RefundFailed failed -> setAside -= failed.amount().amountMinor();
                case PaymentRefunded booked -> {
                    Postings.requireBalanced(booked.postings());
                    assertThat(bookedNow.merge(booked.refundId(), 1, Integer::sum))
                            .as("refund %s booked twice", booked.refundId()).isEqualTo(1);
                    refunded += booked.amount().amountMinor();
                    hostShare += booked.hostShare().amountMinor();
                    pendingDebited += sumOf(booked.postings(), pending);
                    assertThat(hostShare).isEqualTo(shareOf(refunded, net, captured));
                }
                case RefundReversed reversed -> {
                    Postings.requireBalanced(reversed.postings());
                    assertThat(bookedNow.merge(reversed.refundId(), -1, Integer::sum)).isZero();
                    setAside -= reversed.amount().amountMinor();
                    refunded -= reversed.amount().amountMinor();
                    hostShare -= reversed.hostShare().amountMinor();
                    pendingDebited += sumOf(reversed.postings(), pending);
                    assertThat(hostShare).isEqualTo(shareOf(refunded, net, captured));
                }
                default -> {
                }
            }
            assertThat(setAside).isBetween(0L, captured);
            assertThat(refunded).isBetween(0L, setAside);
        }
        assertThat(pendingDebited).isEqualTo(hostShare);
        Statistics.collect(refunded == captured ? "all of the capture refunded" : refunded > 0 ? "part refunded" : "nothing refunded");
        if (refunded == captured) {
            assertThat(hostShare).isEqualTo(net);
        }
        assertThat(amount.amountMinor()).isEqualTo(captured);
    }

    private static long sumOf(List<Posting> postings, String account) {
        return postings.stream().filter(posting -> posting.account().equals(account))
                .mapToLong(posting -> posting.amount().amountMinor()).sum();
    }

    private static long shareOf(long refunded, long net, long captured) {
        return BigDecimal.valueOf(refunded).multiply(BigDecimal.valueOf(net)).divide(BigDecimal.valueOf(captured), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** One of six refund ids, so that steps about the same refund repeat and interleave. */
    sealed interface Step permits Request, Remaining, Confirm, Fail, Pending, Unknown {
        Object command(Money amount);

        default RefundId refund(int number) {
            return new RefundId(new UUID(7, number));
        }
    }

    record Request(int refund, int percent) implements Step {
        public Object command(Money amount) {
            return new RefundPayment(PaymentTest.PAYMENT, refund(refund), share(amount, percent), "partial " + refund);
        }
    }

    record Remaining(int refund) implements Step {
        public Object command(Money amount) {
            return new RefundRemaining(PaymentTest.PAYMENT, refund(refund), amount, "cancelled");
        }
    }

    record Confirm(int refund) implements Step {
        public Object command(Money amount) {
            return new ConfirmRefund(PaymentTest.PAYMENT, refund(refund), "re_" + refund, "evt_c" + refund);
        }
    }

    record Fail(int refund) implements Step {
        public Object command(Money amount) {
            return FailRefund.reported(PaymentTest.PAYMENT, refund(refund), "failed", "evt_f" + refund);
        }
    }

    record Pending(int refund) implements Step {
        public Object command(Money amount) {
            return new MarkRefundPending(PaymentTest.PAYMENT, refund(refund), "re_" + refund);
        }
    }

    record Unknown(int refund) implements Step {
        public Object command(Money amount) {
            return new MarkRefundOutcomeUnknown(PaymentTest.PAYMENT, refund(refund), "no answer");
        }
    }

    private static Money share(Money amount, int percent) {
        return new Money(Math.max(1, amount.amountMinor() * percent / 100), amount.currency());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> refund = Arbitraries.integers().between(1, 6);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, refund.flatMap(n -> Arbitraries.integers().between(1, 100).map(p -> (Step) new Request(n, p)))),
                net.jqwik.api.Tuple.of(1, refund.map(Remaining::new)),
                net.jqwik.api.Tuple.of(5, refund.map(Confirm::new)),
                net.jqwik.api.Tuple.of(2, refund.map(Fail::new)),
                net.jqwik.api.Tuple.of(1, refund.map(Pending::new)),
                net.jqwik.api.Tuple.of(1, refund.map(Unknown::new)));
        return step.list().ofMinSize(0).ofMaxSize(40);
    }
}
