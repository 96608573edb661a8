package app.soiree.query.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.jspecify.annotations.Nullable;

/** Money events as the aggregates make them, with balanced postings, and the messages that carry them. */
final class LedgerFixtures {

    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private LedgerFixtures() {
    }

    /** Gross to provider cash, 5 % + 30 to fees, the rest owed to the host, as the payment aggregate books it. */
    static PaymentCaptured captured(UserId host, long gross, String currency) {
        Money amount = Money.of(gross, currency);
        Money fee = Money.of((gross * 5 + 50) / 100 + 30, currency);
        Money net = amount.minus(fee);
        BookingId bookingId = BookingId.random();
        return new PaymentCaptured(PaymentId.forBooking(bookingId), bookingId, GatheringId.random(), host, UserId.random(), amount, fee, null,
                List.of(Posting.debit(LedgerAccounts.PROVIDER_CASH, amount), Posting.credit(LedgerAccounts.hostPending(host), net),
                        Posting.credit(LedgerAccounts.PLATFORM_FEES, fee)),
                "sim_pi_" + UUID.randomUUID(), "sim_evt_" + UUID.randomUUID(), T0);
    }

    static EarningsReleased released(UserId host, long net, String currency) {
        Money amount = Money.of(net, currency);
        return new EarningsReleased(GatheringId.random(), host, amount,
                List.of(Posting.debit(LedgerAccounts.hostPending(host), amount), Posting.credit(LedgerAccounts.hostAvailable(host), amount)), T0);
    }

    static EventMessage<?> message(Object payload, Instant at, @Nullable UserId actor) {
        Map<String, ?> metaData = actor == null ? Map.of() : Map.of(Actor.USER_ID_KEY, actor.toString());
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, metaData, at);
    }
}
