package app.soiree.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.RecordAvailableFunds;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.PromotionRefunded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.Test;

class AvailableFundsForwarderTest {

    static final UserId HOST = new UserId(new UUID(0, 1));
    static final UserId OTHER_HOST = new UserId(new UUID(0, 2));
    static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");

    private final RecordingGateway commands = new RecordingGateway();
    private final AvailableFundsForwarder forwarder = new AvailableFundsForwarder(commands);

    @Test
    void forwardsWhatAReleaseCreditedToAvailableUnderTheEventsIdentifier() {
        EarningsReleased released = new EarningsReleased(new GatheringId(new UUID(0, 9)), HOST, eur(4720), List.of(
                Posting.debit("host:" + HOST + ":pending", eur(4720)), Posting.credit("host:" + HOST + ":available", eur(4720))), NOW);
        GenericDomainEventMessage<EarningsReleased> message = new GenericDomainEventMessage<>("GatheringEarnings", "earnings-1", 3, released);

        forwarder.on(released, message);

        assertThat(commands.sent).containsExactly(new RecordAvailableFunds(HostWalletId.forHost(HOST), HOST,
                message.getIdentifier() + ":EUR", "EarningsReleased", eur(4720)));
    }

    @Test
    void aDebtIsForwardedAsANegativeChange() {
        EarningsReleased debt = new EarningsReleased(new GatheringId(new UUID(0, 9)), HOST, eur(-300), List.of(
                Posting.debit("host:" + HOST + ":pending", eur(-300)), Posting.credit("host:" + HOST + ":available", eur(-300))), NOW);

        forwarder.on(debt, new GenericDomainEventMessage<>("GatheringEarnings", "earnings-1", 4, debt));

        assertThat(commands.sent).singleElement().extracting(command -> ((RecordAvailableFunds) command).change()).isEqualTo(eur(-300));
    }

    @Test
    void leavesOutTheWalletsOwnEvents() {
        PayoutFundsReserved reserved = new PayoutFundsReserved(HostWalletId.forHost(HOST), HOST, new PayoutId(new UUID(0, 5)), eur(100),
                "acct_1", List.of(Posting.debit("host:" + HOST + ":available", eur(100)), Posting.credit("host:" + HOST + ":reserved",
                eur(100))), NOW);

        forwarder.on(reserved, new GenericDomainEventMessage<>("HostWallet", HostWalletId.forHost(HOST).toString(), 7, reserved));

        assertThat(commands.sent).isEmpty();
    }

    /** The wallet applied its promotions' payments and refunds itself: forwarded back, they would count twice. */
    @Test
    void leavesOutTheWalletsPromotionPaymentsAndRefunds() {
        HostWalletId wallet = HostWalletId.forHost(HOST);
        PromotionId promotion = new PromotionId(new UUID(0, 6));
        GatheringId gathering = new GatheringId(new UUID(0, 9));
        PromotionPaid paid = new PromotionPaid(wallet, HOST, promotion, gathering, eur(1000), NOW, NOW.plusSeconds(3600), List.of(
                Posting.debit("host:" + HOST + ":available", eur(1000)), Posting.credit(LedgerAccounts.PROMOTIONS, eur(1000))), NOW);
        PromotionRefunded refunded = new PromotionRefunded(wallet, HOST, promotion, gathering, eur(400), NOW, List.of(
                Posting.debit(LedgerAccounts.PROMOTIONS, eur(400)), Posting.credit("host:" + HOST + ":available", eur(400))), NOW);

        forwarder.on(paid, new GenericDomainEventMessage<>("HostWallet", wallet.toString(), 8, paid));
        forwarder.on(refunded, new GenericDomainEventMessage<>("HostWallet", wallet.toString(), 9, refunded));

        assertThat(commands.sent).isEmpty();
    }

    @Test
    void eachHostAndCurrencyIsForwardedOnItsOwn() {
        EarningsReleased mixed = new EarningsReleased(new GatheringId(new UUID(0, 9)), HOST, eur(100), List.of(
                Posting.debit("platform:fees", eur(150)),
                Posting.credit("host:" + HOST + ":available", eur(100)),
                Posting.credit("host:" + OTHER_HOST + ":available", eur(50)),
                Posting.debit("platform:fees", Money.of(7, "USD")),
                Posting.credit("host:" + HOST + ":available", Money.of(7, "USD"))), NOW);

        forwarder.on(mixed, new GenericDomainEventMessage<>("Elsewhere", "x", 0, mixed));

        assertThat(commands.sent).extracting(command -> ((RecordAvailableFunds) command).hostId() + " " + ((RecordAvailableFunds) command).change())
                .containsExactlyInAnyOrder(HOST + " " + eur(100), OTHER_HOST + " " + eur(50), HOST + " " + Money.of(7, "USD"));
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    /** Remembers what was sent; the forwarder only ever waits for its commands. */
    static final class RecordingGateway implements CommandGateway {
        final List<Object> sent = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            sent.add(command);
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
