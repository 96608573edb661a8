package app.soiree.command.booking;

import static app.soiree.api.Idempotency.KEY_HEADER;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.CancelBooking;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.Actor;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.QuoteRefund;
import app.soiree.api.refund.RefundId;
import app.soiree.command.HoldsBeingAnswered;
import app.soiree.command.gathering.BookingPolicy;
import app.soiree.command.gathering.HoldBatches;
import app.soiree.command.limits.UnpaidHolds;
import app.soiree.command.payment.Checkout;
import app.soiree.command.refund.CancellationRefunds;
import app.soiree.command.refund.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Booking seats and giving them back. Both require an {@code Idempotency-Key}, so a retry never books twice. */
@RestController
@Tag(name = "Bookings")
class BookingCommandController {
    private static final Logger log = LoggerFactory.getLogger(BookingCommandController.class);

    private final CommandGateway commands;
    private final BookingLookupRepository lookups;
    private final Checkout checkout;
    private final BookingIds bookingIds;
    private final UnpaidHolds unpaidHolds;
    private final BookingPolicy policy;
    private final SoldOutTiers soldOut;
    private final HoldBatches holds;
    private final HoldsBeingAnswered beingAnswered;

    BookingCommandController(CommandGateway commands, BookingLookupRepository lookups, Checkout checkout, BookingIds bookingIds,
                             UnpaidHolds unpaidHolds, BookingPolicy policy, SoldOutTiers soldOut, HoldBatches holds,
                             HoldsBeingAnswered beingAnswered) {
        this.commands = commands;
        this.lookups = lookups;
        this.checkout = checkout;
        this.bookingIds = bookingIds;
        this.unpaidHolds = unpaidHolds;
        this.policy = policy;
        this.soldOut = soldOut;
        this.holds = holds;
        this.beingAnswered = beingAnswered;
    }

    @PostMapping("/api/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book seats: free tiers are CONFIRMED at once; paid tiers are HELD and the answer carries the payment "
            + "to complete (payment.clientSecret for Stripe.js); 422 SOLD_OUT when no seats are left, 422 PAYMENT_DECLINED or "
            + "503 PAYMENT_PROVIDER_UNAVAILABLE when the provider refuses the payment (the seats are released). bookingId is optional: "
            + "send it only to come back to your own booking (a waitlist offer) or as a fresh random UUID; without it the booking's id "
            + "follows from you and the Idempotency-Key, so a retry whose answer never came returns the same booking; "
            + "409 ID_ALREADY_USED when it belongs to another booking; 429 RATE_LIMITED (with Retry-After) beyond the unpaid holds "
            + "one account or address may have",
            parameters = @Parameter(name = KEY_HEADER, in = ParameterIn.HEADER, required = true))
    BookingResponse book(@Valid @RequestBody BookingRequest request, @RequestHeader(KEY_HEADER) String idempotencyKey, Actor actor,
                         HttpServletRequest http) {
        try (HoldsBeingAnswered.Answering answering = beingAnswered.answering()) {
            return book(request, idempotencyKey, actor, http.getRemoteAddr());
        }
    }

    private BookingResponse book(BookingRequest request, String idempotencyKey, Actor actor, String clientAddress) {
        BookingId bookingId = request.bookingId() != null ? request.bookingId() : BookingId.forRequest(actor.userId(), idempotencyKey);
        if (request.bookingId() != null) {
            bookingIds.claim(bookingId, request.gatheringId(), actor.userId());
        }
        boolean placeTaken = unpaidHolds.take(bookingId, actor.userId(), clientAddress, request.gatheringId(), request.quantity(),
                policy.holdDuration());
        SeatsReservation reservation = holdSeats(request, bookingId, actor, placeTaken);
        Checkout.PaymentStart payment = reservation.status() == BookingStatus.HELD
                ? checkout.start(reservation, request.gatheringId(), actor.userId())
                : null;
        return new BookingResponse(reservation.bookingId(), reservation.status(), reservation.holdExpiresAt(), reservation.amount(), payment);
    }

    /**
     * Holds the seats. A place this request took among the caller's unpaid holds is kept only while the seats
     * really are held unpaid; one an earlier request took for the same booking is not this request's to give back.
     */
    private SeatsReservation holdSeats(BookingRequest request, BookingId bookingId, Actor actor, boolean placeTaken) {
        long askedAt = soldOut.moment();
        HoldOutcome answer;
        try {
            answer = holds.hold(new HoldSeats(request.gatheringId(), bookingId, request.tierId(), actor.userId(), request.quantity()), actor);
        } catch (RuntimeException e) {
            giveBackIf(placeTaken, bookingId);
            throw e;
        }
        return switch (answer) {
            case SoldOut refused -> {
                giveBackIf(placeTaken, bookingId);
                soldOut.remember(request.gatheringId(), request.tierId(), refused, askedAt);
                throw new SoireeException(ErrorCode.SOLD_OUT, refused.message());
            }
            case SeatsReservation reservation -> {
                if (reservation.status() != BookingStatus.HELD) {
                    unpaidHolds.giveBack(bookingId); // not held (any more): no place is due, whoever took it
                }
                yield reservation;
            }
        };
    }

    private void giveBackIf(boolean placeTaken, BookingId bookingId) {
        if (placeTaken) {
            unpaidHolds.giveBack(bookingId);
        }
    }

    @PostMapping("/api/bookings/{bookingId}/cancel")
    @Operation(summary = "Cancel your booking; confirmed seats are refunded per the gathering's refund policy; 409 BOOKING_NOT_ACTIVE "
            + "when it is no longer held or confirmed, except for the request that cancelled it: carried out again under the same "
            + "Idempotency-Key (its first answer lost), it is answered as the first time",
            parameters = @Parameter(name = KEY_HEADER, in = ParameterIn.HEADER, required = true))
    CancellationResponse cancel(@PathVariable BookingId bookingId, @RequestHeader(KEY_HEADER) String idempotencyKey, Actor actor) {
        BookingLookup lookup = lookups.findById(bookingId.value())
                .filter(found -> found.guestId().equals(actor.userId().value()))
                .orElseThrow(() -> SoireeException.notFound("Booking"));
        Money refundDue = commands.sendAndWait(
                CancelBooking.byRequest(new GatheringId(lookup.gatheringId()), bookingId, actor.userId(), idempotencyKey));
        if (refundDue.isZero()) {
            return new CancellationResponse(bookingId, BookingStatus.CANCELLED, null);
        }
        Money refund = refundOwed(bookingId, refundDue);
        return new CancellationResponse(bookingId, BookingStatus.CANCELLED,
                refund.isZero() ? null : new RefundResponse(RefundId.forBooking(bookingId), refund));
    }

    /**
     * The refund itself is recorded by {@link CancellationRefunds} from the cancellation event: it is the one writer, and
     * meets every cancellation at least once, also after a crash. This asks the payment what that records (less whatever
     * staff refunded before), so the answer names its exact amount. A refusal (the payment refuses refunds now) answers no
     * refund: the tracker meets the same refusal and leaves it to staff; any other failure answers what the policy grants.
     */
    private Money refundOwed(BookingId bookingId, Money refundDue) {
        try {
            Money quoted = commands.sendAndWait(new QuoteRefund(PaymentId.forBooking(bookingId), RefundId.forBooking(bookingId), refundDue));
            return quoted == null ? refundDue : quoted;
        } catch (RuntimeException e) {
            if (Refusal.codeOf(e).isPresent()) {
                log.error("Booking {} is cancelled, and its refund of {} will be refused: it is left to staff", bookingId, refundDue, e);
                return Money.zero(refundDue.currency());
            }
            log.warn("Booking {} is cancelled; its refund could not be quoted, and is answered as the policy grants it", bookingId, e);
            return refundDue;
        }
    }

    record BookingRequest(@Nullable BookingId bookingId, @NotNull GatheringId gatheringId, @NotNull TierId tierId,
                          @Min(1) @Max(100) int quantity) {
    }

    /** {@code payment} is there for held seats: what the client needs to pay for them. */
    record BookingResponse(BookingId bookingId, BookingStatus status, @Nullable Instant holdExpiresAt, Money amount,
                           Checkout.@Nullable PaymentStart payment) {
    }

    record CancellationResponse(BookingId bookingId, BookingStatus status, @Nullable RefundResponse refund) {
    }

    record RefundResponse(RefundId refundId, Money amount) {
    }
}
