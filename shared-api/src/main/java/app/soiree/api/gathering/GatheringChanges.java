package app.soiree.api.gathering;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A partial edit: every field left null stays as it is. {@code tiers}, when given, is the complete new list. */
public record GatheringChanges(
        @Nullable String title,
        @Nullable String description,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String timezone,
        @Nullable Venue venue,
        @Nullable Boolean online,
        @Nullable List<String> tags,
        @Nullable RefundPolicy refundPolicy,
        @Nullable List<Tier> tiers) {

    public GatheringDetails applyTo(GatheringDetails current) {
        return new GatheringDetails(
                title != null ? title : current.title(),
                description != null ? description : current.description(),
                startsAt != null ? startsAt : current.startsAt(),
                endsAt != null ? endsAt : current.endsAt(),
                timezone != null ? timezone : current.timezone(),
                venue != null ? venue : current.venue(),
                online != null ? online : current.online(),
                tags != null ? tags : current.tags(),
                refundPolicy != null ? refundPolicy : current.refundPolicy());
    }
}
