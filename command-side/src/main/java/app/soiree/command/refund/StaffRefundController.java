package app.soiree.command.refund;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support gives money back by hand: part or all of what a booking's payment captured, with a reason.
 * Every request is a refund of its own; a client that retries sends the same {@code Idempotency-Key}
 * and gets the first answer back, so a retry never refunds twice. The acting staff member travels with
 * the command as metadata and stays on every event of the refund.
 */
@RestController
@Tag(name = "Staff")
class StaffRefundController {

    private final CommandGateway commands;

    StaffRefundController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/staff/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPPORT', 'ADMIN')")
    @Operation(summary = "Refund part or all of a booking's payment (support); 422 REFUND_EXCEEDS_CAPTURED beyond what is left "
            + "to refund, 404 for an unknown booking, 409 PAYMENT_NOT_CAPTURED when nothing was paid. "
            + "Send an Idempotency-Key to retry safely.")
    ManualRefundResponse refund(@Valid @RequestBody ManualRefundRequest request) {
        RefundId refundId = RefundId.random();
        commands.sendAndWait(new RefundPayment(PaymentId.forBooking(request.bookingId()), refundId, request.amount(),
                request.reason().strip()));
        return new ManualRefundResponse(refundId, request.amount(), RefundStatus.REQUESTED);
    }

    record ManualRefundRequest(@NotNull BookingId bookingId, @NotNull Money amount, @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code status} is where the refund stands at the answer; the booking's refunds show how it goes on. */
    record ManualRefundResponse(RefundId refundId, Money amount, RefundStatus status) {
    }
}
