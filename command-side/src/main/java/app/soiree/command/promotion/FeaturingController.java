package app.soiree.command.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.UnfeatureGathering;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Support features gatherings in everyone's feed for a window, and takes them out again. */
@RestController
@Tag(name = "Promotion")
class FeaturingController {

    private final CommandGateway commands;
    private final PromotableGatherings gatherings;
    private final Clock clock;

    FeaturingController(CommandGateway commands, PromotableGatherings gatherings, Clock clock) {
        this.commands = commands;
        this.gatherings = gatherings;
        this.clock = clock;
    }

    @PostMapping("/api/staff/featured")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Feature an upcoming published gathering from `from` until `until` (SUPPORT); featuring it again replaces "
            + "the window. 404 for an unknown gathering, 422 NOT_PROMOTABLE for a draft, cancelled or past one, 400 when `until` "
            + "is not after `from`, is after the gathering starts, or is more than 90 days after `from`.")
    FeatureResponse feature(@Valid @RequestBody FeatureRequest request, Actor actor) {
        // Checked here first so that a bad window is answered field by field; the aggregate checks again for the console.
        gatherings.require(request.gatheringId()).requirePromotableDuring(request.from(), request.until(), clock.instant());
        commands.sendAndWait(new FeatureGathering(request.gatheringId(), request.from(), request.until(), actor.userId()));
        return new FeatureResponse(request.gatheringId(), request.from(), request.until());
    }

    @DeleteMapping("/api/staff/featured/{gatheringId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SUPPORT')")
    @Operation(summary = "Stop featuring a gathering (SUPPORT); 404 for one that was never featured, 204 again for one removed already")
    void unfeature(@PathVariable GatheringId gatheringId, Actor actor) {
        commands.sendAndWait(new UnfeatureGathering(gatheringId, actor.userId()));
    }

    record FeatureRequest(@NotNull GatheringId gatheringId, @NotNull Instant from, @NotNull Instant until) {
    }

    record FeatureResponse(GatheringId gatheringId, Instant from, Instant until) {
    }
}
