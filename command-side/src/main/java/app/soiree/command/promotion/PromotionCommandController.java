package app.soiree.command.promotion;

import static app.soiree.api.Idempotency.KEY_HEADER;

import app.soiree.api.Money;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.promotion.PayForPromotion;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionLimits;
import app.soiree.api.promotion.PromotionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A host pays to promote an upcoming gathering of theirs, from their wallet's available balance. */
@RestController
@Tag(name = "Promotion")
class PromotionCommandController {


    private final CommandGateway commands;
    private final PromotableGatherings gatherings;
    private final Clock clock;

    PromotionCommandController(CommandGateway commands, PromotableGatherings gatherings, Clock clock) {
        this.commands = commands;
        this.gatherings = gatherings;
        this.clock = clock;
    }

    @PostMapping("/api/gatherings/{gatheringId}/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Promote the host's upcoming published gathering from `from` until `until` (not after it starts), paying "
            + "`budget` from the host's available balance at once. 404 for a gathering that is not the caller's, 422 NOT_PROMOTABLE "
            + "for a draft, cancelled or past one, 422 INSUFFICIENT_FUNDS beyond what is available, 400 for a budget outside 100 to "
            + "10,000,000 minor units or a bad window. Refunded pro rata if the gathering is cancelled. The Idempotency-Key is required.")
    PromotionResponse promote(@PathVariable GatheringId gatheringId, @Valid @RequestBody PromotionRequest request,
                              @RequestHeader(KEY_HEADER) String idempotencyKey, Actor actor) {
        PromotableGathering gathering = gatherings.find(gatheringId).filter(found -> found.hostId().equals(actor.userId()))
                .orElseThrow(() -> SoireeException.notFound("Gathering " + gatheringId));
        Instant now = clock.instant();
        requireSaneBudget(request.budget());
        gathering.requirePromotableDuring(request.from(), request.until(), now);
        PromotionId promotionId = PromotionId.forRequest(actor.userId(), idempotencyKey);
        commands.sendAndWait(new PayForPromotion(HostWalletId.forHost(actor.userId()), actor.userId(), promotionId, gatheringId,
                request.budget(), request.from(), request.until()));
        return new PromotionResponse(promotionId, request.from().isAfter(now) ? PromotionStatus.SCHEDULED : PromotionStatus.ACTIVE);
    }

    private static void requireSaneBudget(Money budget) {
        if (budget.amountMinor() < PromotionLimits.MIN_BUDGET_MINOR || budget.amountMinor() > PromotionLimits.MAX_BUDGET_MINOR) {
            throw InvalidFieldsException.of("budget.amount", "must be between " + PromotionLimits.MIN_BUDGET_MINOR + " and "
                    + PromotionLimits.MAX_BUDGET_MINOR + " minor units");
        }
    }

    record PromotionRequest(@NotNull @Valid Money budget, @NotNull Instant from, @NotNull Instant until) {
    }

    record PromotionResponse(PromotionId promotionId, PromotionStatus status) {
    }
}
