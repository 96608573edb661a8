package app.soiree.command.gathering;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.CancelGathering;
import app.soiree.api.gathering.CheckInGuest;
import app.soiree.api.gathering.CreateGathering;
import app.soiree.api.gathering.EditGathering;
import app.soiree.api.gathering.GatheringChanges;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.JoinWaitlist;
import app.soiree.api.gathering.PublishGathering;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.ReviewGathering;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.Venue;
import app.soiree.api.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What hosts do to their gatherings, and what guests do at them: waitlist and reviews. */
@RestController
@Tag(name = "Gatherings")
class GatheringCommandController {

    private final CommandGateway commands;

    GatheringCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/gatherings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('HOST')")
    @Operation(summary = "Create a gathering as a draft (hosts)")
    GatheringIdResponse create(@Valid @RequestBody CreateRequest request, Actor actor) {
        // The server makes the id: a client-chosen one could name an existing stream (a retry is safe through Idempotency-Key).
        GatheringId gatheringId = GatheringId.random();
        GatheringDetails details = new GatheringDetails(request.title().strip(), request.description(), request.startsAt(),
                request.endsAt(), request.timezone(), request.venue() == null ? null : request.venue().toVenue(), request.online(),
                normalizedTags(request.tags()), request.refundPolicy().toPolicy());
        commands.sendAndWait(new CreateGathering(gatheringId, actor.userId(), details, TierRequest.toTiers(request.tiers())));
        return new GatheringIdResponse(gatheringId, "DRAFT");
    }

    @PatchMapping("/api/gatherings/{gatheringId}")
    @Operation(summary = "Edit a gathering (its host): anything while a draft, only changes that hurt no booking once published")
    GatheringIdResponse edit(@PathVariable GatheringId gatheringId, @Valid @RequestBody EditRequest request, Actor actor) {
        GatheringChanges changes = new GatheringChanges(request.title(), request.description(), request.startsAt(), request.endsAt(),
                request.timezone(), request.venue() == null ? null : request.venue().toVenue(), request.online(),
                request.tags() == null ? null : normalizedTags(request.tags()),
                request.refundPolicy() == null ? null : request.refundPolicy().toPolicy(),
                request.tiers() == null ? null : TierRequest.toTiers(request.tiers()));
        commands.sendAndWait(new EditGathering(gatheringId, actor.userId(), changes));
        return new GatheringIdResponse(gatheringId, null);
    }

    @PostMapping("/api/gatherings/{gatheringId}/publish")
    @Operation(summary = "Publish a draft (its host)")
    GatheringIdResponse publish(@PathVariable GatheringId gatheringId, Actor actor) {
        commands.sendAndWait(new PublishGathering(gatheringId, actor.userId()));
        return new GatheringIdResponse(gatheringId, "PUBLISHED");
    }

    @PostMapping("/api/gatherings/{gatheringId}/cancel")
    @Operation(summary = "Cancel a gathering (its host); every booking is released and refunded in full")
    GatheringIdResponse cancel(@PathVariable GatheringId gatheringId, @Valid @RequestBody CancelRequest request, Actor actor) {
        commands.sendAndWait(new CancelGathering(gatheringId, actor.userId(), request.reason().strip()));
        return new GatheringIdResponse(gatheringId, "CANCELLED");
    }

    @PostMapping("/api/gatherings/{gatheringId}/check-ins")
    @Operation(summary = "Check a confirmed booking in (its host), once")
    CheckInResponse checkIn(@PathVariable GatheringId gatheringId, @Valid @RequestBody CheckInRequest request, Actor actor) {
        commands.sendAndWait(new CheckInGuest(gatheringId, request.bookingId(), actor.userId()));
        return new CheckInResponse(request.bookingId(), true);
    }

    @PostMapping("/api/gatherings/{gatheringId}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a gathering you attended, after it ended; one review per guest")
    ReviewResponse review(@PathVariable GatheringId gatheringId, @Valid @RequestBody ReviewRequest request, Actor actor) {
        commands.sendAndWait(new ReviewGathering(gatheringId, actor.userId(), request.rating(), request.text().strip()));
        return new ReviewResponse(gatheringId, request.rating());
    }

    @PostMapping("/api/gatherings/{gatheringId}/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join the waitlist of a sold-out tier; 409 NOT_SOLD_OUT while seats are left")
    WaitlistResponse joinWaitlist(@PathVariable GatheringId gatheringId, @Valid @RequestBody WaitlistRequest request, Actor actor) {
        Integer position = commands.sendAndWait(new JoinWaitlist(gatheringId, request.tierId(), actor.userId()));
        return new WaitlistResponse(position);
    }

    private static List<String> normalizedTags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(tag -> !tag.isEmpty()).distinct().toList();
    }

    record CreateRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 10_000) String description,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 64) String timezone,
            @Valid @Nullable VenueRequest venue,
            boolean online,
            @Nullable @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull TierRequest> tiers,
            @NotNull @Valid RefundPolicyRequest refundPolicy) {
    }

    record EditRequest(
            @Nullable @Size(min = 1, max = 200) String title,
            @Nullable @Size(max = 10_000) String description,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable @Size(min = 1, max = 64) String timezone,
            @Valid @Nullable VenueRequest venue,
            @Nullable Boolean online,
            @Nullable @Size(max = 10) List<@NotBlank @Size(max = 30) String> tags,
            @Nullable @Size(min = 1, max = 20) List<@Valid @NotNull TierRequest> tiers,
            @Valid @Nullable RefundPolicyRequest refundPolicy) {
    }

    record VenueRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String address,
            @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        Venue toVenue() {
            return new Venue(name.strip(), address.strip(), latitude, longitude);
        }
    }

    /** A tier; give the {@code tierId} of an existing tier to keep it (and its bookings) when editing. */
    record TierRequest(@Nullable TierId tierId, @NotBlank @Size(max = 80) String name, @NotNull Money price,
                       @Min(1) @Max(100_000) int capacity) {
        static List<Tier> toTiers(List<TierRequest> requests) {
            return requests.stream()
                    .map(r -> new Tier(r.tierId() != null ? r.tierId() : TierId.random(), r.name().strip(), r.price(), r.capacity()))
                    .toList();
        }
    }

    record RefundPolicyRequest(@Min(0) @Max(8760) int fullRefundHoursBefore) {
        RefundPolicy toPolicy() {
            return new RefundPolicy(fullRefundHoursBefore);
        }
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record CheckInRequest(@NotNull BookingId bookingId) {
    }

    record ReviewRequest(@Min(1) @Max(5) int rating, @NotNull @Size(max = 2000) String text) {
    }

    record WaitlistRequest(@NotNull TierId tierId) {
    }

    record GatheringIdResponse(GatheringId gatheringId, @Nullable String status) {
    }

    record CheckInResponse(BookingId bookingId, boolean checkedIn) {
    }

    record ReviewResponse(GatheringId gatheringId, int rating) {
    }

    record WaitlistResponse(int position) {
    }
}
