package app.soiree.query.gathering.history;

import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Time travel for support and finance: a gathering as it stood at a past instant, rebuilt from its events. */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasAnyRole('SUPPORT', 'FINANCE')")
class GatheringAsOfController {

    private final GatheringTimeTravel timeTravel;

    GatheringAsOfController(GatheringTimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    @GetMapping("/api/staff/gatherings/{gatheringId}/as-of")
    @Operation(summary = "A gathering as it stood at an instant: status, seats held and confirmed per tier, waitlist in order",
            description = "SUPPORT or FINANCE. Rebuilt from the gathering's events up to `at`, never from the read model. "
                    + "404 when no gathering has this id, or when it was created after `at` (the message says which).")
    GatheringAsOfView asOf(@PathVariable GatheringId gatheringId,
                           @Parameter(description = "An ISO-8601 instant, not in the future, e.g. 2026-12-07T18:30:00Z")
                           @RequestParam(required = false) @Nullable String at) {
        return timeTravel.asOf(gatheringId, instant(at));
    }

    /**
     * Parsed here rather than bound, so that every way of getting it wrong is the same field-level 400 (time travel
     * refuses an instant in the future on the same field).
     */
    private static Instant instant(@Nullable String at) {
        if (at == null || at.isBlank()) {
            throw InvalidFieldsException.of("at", "is required: an ISO-8601 instant such as 2026-12-07T18:30:00Z");
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidFieldsException.of("at", "must be an ISO-8601 instant such as 2026-12-07T18:30:00Z");
        }
    }
}
