package app.soiree.command.payout;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.FailPayout;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.OpenPayout;
import app.soiree.api.payout.OpenPayoutAccount;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsSource;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutRejected;
import app.soiree.api.payout.PayoutReversed;
import app.soiree.api.payout.RecordAvailableFunds;
import app.soiree.api.payout.RejectPayout;
import app.soiree.api.payout.ReservePayoutFunds;
import app.soiree.api.payout.ReturnPayoutFunds;
import app.soiree.api.payout.ReversePayout;
import app.soiree.api.payout.SendPayout;
import app.soiree.command.ledger.HostWallet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * The wallet's and payouts' money invariants under any interleaving of released earnings (some delivered
 * twice), debts, payout requests, approvals by anyone (the host included), rejections, transfers that are
 * paid, refused or reversed, run through a real Axon command bus and event-sourced repositories. The saga's
 * reactions (return the funds on a rejection, refusal or reversal) are played synchronously. Checked over
 * the resulting journal, in stream order: every event balances; no payout ever takes the host's available
 * balance below zero; reserved and in-transit never go negative; and the wallet's own view of what is
 * available always equals the journal's.
 */
class PayoutInvariantsProperties {

    static final UserId HOST = new UserId(new UUID(0, 1));
    static final HostWalletId WALLET = HostWalletId.forHost(HOST);
    static final List<UserId> APPROVERS = List.of(HOST, new UserId(new UUID(0, 2)), new UserId(new UUID(0, 3)));

    @Property(tries = 200)
    void noInterleavingPaysOutMoreThanIsAvailable(@ForAll("steps") List<Step> steps) {
        List<EventMessage<?>> published = new ArrayList<>();
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(HostWallet.class)
                .configureAggregate(Payout.class)
                .registerComponent(Clock.class, configuration -> Clock.fixed(PayoutTest.NOW, ZoneOffset.UTC))
                .registerComponent(PayoutProperties.class,
                        configuration -> new PayoutProperties(1000L, 3000L, Map.of(), null, null, Duration.ofSeconds(1), 3, null))
                .buildConfiguration();
        axon.start();
        axon.eventBus().subscribe(published::addAll);
        try {
            axon.commandGateway().sendAndWait(new OpenPayoutAccount(WALLET, HOST, "simulated", "sim_acct_1", true));
            for (Step step : steps) {
                play(axon, step);
                react(axon, published);
            }
            checkJournal(published);
            Statistics.label("payouts reserved").collect(count(published, PayoutFundsReserved.class) > 0);
            Statistics.label("funds returned").collect(count(published, app.soiree.api.payout.PayoutFundsReturned.class) > 0);
            Statistics.label("payouts sent").collect(count(published, app.soiree.api.payout.PayoutSent.class) > 0);
            Statistics.label("payouts paid").collect(count(published, app.soiree.api.payout.PayoutPaid.class) > 0);
        } finally {
            axon.shutdown();
        }
    }

    private static void play(Configuration axon, Step step) {
        try {
            axon.commandGateway().sendAndWait(switch (step) {
                case Release release -> new RecordAvailableFunds(WALLET, HOST, "evt-" + release.source() + ":EUR", "EarningsReleased",
                        eur(release.amount()));
                case Request request -> new ReservePayoutFunds(WALLET, HOST, payout(request.payout()), eur(request.amount()));
                case Approve approve -> new ApprovePayout(payout(approve.payout()), APPROVERS.get(approve.approver()));
                case Reject reject -> new RejectPayout(payout(reject.payout()), APPROVERS.get(1), "no");
                case Send send -> new SendPayout(payout(send.payout()));
                case Pay pay -> new MarkPayoutPaid(payout(pay.payout()), "tr_" + pay.payout(), "evt");
                case Fail fail -> new FailPayout(payout(fail.payout()), "refused", "evt");
                case Reverse reverse -> new ReversePayout(payout(reverse.payout()), "tr_" + reverse.payout(), eur(reverse.total()), "evt");
            });
            if (step instanceof Request request) {
                axon.commandGateway().sendAndWait(new OpenPayout(payout(request.payout()), HOST, eur(request.amount()), "sim_acct_1"));
            }
        } catch (SoireeException | IllegalStateException | org.axonframework.modelling.command.AggregateNotFoundException refused) {
            // A refusal is a valid answer (too much, not pending, never sent, not allowed); what counts is what got stored.
        } catch (org.axonframework.commandhandling.CommandExecutionException refused) {
            // the same, wrapped by the bus
        }
    }

    /** What the payout saga does when funds must come back, played at once and once per event. */
    private static void react(Configuration axon, List<EventMessage<?>> published) {
        for (int index = 0; index < published.size(); index++) {
            Object event = published.get(index).getPayload();
            ReturnPayoutFunds giveBack = switch (event) {
                case PayoutRejected rejected -> new ReturnPayoutFunds(WALLET, HOST, rejected.payoutId(), "rejected", rejected.amount(),
                        PayoutFundsSource.RESERVED, "rejected");
                case PayoutFailed failed -> new ReturnPayoutFunds(WALLET, HOST, failed.payoutId(), "failed", failed.amount(),
                        PayoutFundsSource.IN_TRANSIT, "failed");
                case PayoutReversed reversed -> new ReturnPayoutFunds(WALLET, HOST, reversed.payoutId(),
                        "reversed:" + reversed.totalReversed().amountMinor(), reversed.amount(), PayoutFundsSource.PROVIDER, "reversed");
                default -> null;
            };
            if (giveBack != null) {
                axon.commandGateway().sendAndWait(giveBack); // returns are idempotent: replaying all events each time is safe
            }
        }
    }

    private static void checkJournal(List<EventMessage<?>> published) {
        Map<String, Long> balances = new HashMap<>();
        long walletAvailable = 0;
        String available = LedgerAccounts.hostAvailable(HOST);
        for (EventMessage<?> message : published) {
            Object event = message.getPayload();
            if (event instanceof AvailableFundsRecorded recorded) {
                // Stands for the release that posted it (pending → available): credit available.
                balances.merge(available, -recorded.change().amountMinor(), Long::sum);
                walletAvailable += recorded.change().amountMinor();
            }
            if (event instanceof LedgerEvent money) {
                for (Posting posting : Postings.requireBalanced(money.postings())) {
                    balances.merge(posting.account(), posting.amount().amountMinor(), Long::sum);
                }
                for (Posting posting : money.postings()) {
                    if (posting.account().equals(available)) {
                        walletAvailable -= posting.amount().amountMinor();
                    }
                }
            }
            long hostAvailable = -balances.getOrDefault(available, 0L);
            if (event instanceof PayoutFundsReserved reserved) {
                assertThat(hostAvailable).as("available after reserving %s", reserved.amount()).isGreaterThanOrEqualTo(0);
            }
            assertThat(-balances.getOrDefault(LedgerAccounts.hostReserved(HOST), 0L)).as("reserved").isGreaterThanOrEqualTo(0);
            assertThat(-balances.getOrDefault(LedgerAccounts.PAYOUTS_IN_TRANSIT, 0L)).as("in transit").isGreaterThanOrEqualTo(0);
            assertThat(walletAvailable).as("the wallet's available equals the journal's").isEqualTo(hostAvailable);
        }
    }

    sealed interface Step permits Release, Request, Approve, Reject, Send, Pay, Fail, Reverse {
    }

    /** Earnings released or settled; a negative amount is a debt (a refund after a payout); sources repeat, as redeliveries. */
    record Release(int source, long amount) implements Step {
    }

    record Request(int payout, long amount) implements Step {
    }

    record Approve(int payout, int approver) implements Step {
    }

    record Reject(int payout) implements Step {
    }

    record Send(int payout) implements Step {
    }

    record Pay(int payout) implements Step {
    }

    record Fail(int payout) implements Step {
    }

    /** The provider's running total reversed. */
    record Reverse(int payout, long total) implements Step {
    }

    /** Weighted so that payouts often get through approval and sending to an outcome. */
    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> payout = Arbitraries.integers().between(1, 3);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 6).flatMap(source -> Arbitraries.longs().between(-300, 3000)
                        .map(amount -> new Release(source, amount)))),
                Tuple.of(3, payout.flatMap(p -> Arbitraries.longs().between(-10, 4000).map(amount -> new Request(p, amount)))),
                Tuple.of(3, payout.flatMap(p -> Arbitraries.integers().between(0, 2).map(approver -> new Approve(p, approver)))),
                Tuple.of(1, payout.map(Reject::new)),
                Tuple.of(3, payout.map(Send::new)),
                Tuple.of(2, payout.map(Pay::new)),
                Tuple.of(1, payout.map(Fail::new)),
                Tuple.of(1, payout.flatMap(p -> Arbitraries.longs().between(0, 4000).map(total -> new Reverse(p, total)))));
        // Each run starts with some earnings, so that payouts have something to take from.
        Arbitrary<Step> first = Arbitraries.longs().between(0, 6000).map(amount -> new Release(0, amount));
        return Combinators.combine(first, step.list().ofMinSize(20).ofMaxSize(60)).as((start, rest) -> {
            List<Step> all = new ArrayList<>(List.of(start));
            all.addAll(rest);
            return all;
        });
    }

    private static long count(List<EventMessage<?>> published, Class<?> type) {
        return published.stream().filter(message -> type.isInstance(message.getPayload())).count();
    }

    private static PayoutId payout(int number) {
        return new PayoutId(new UUID(7, number));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
