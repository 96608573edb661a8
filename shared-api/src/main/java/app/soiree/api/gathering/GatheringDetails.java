package app.soiree.api.gathering;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a host describes: everything about a gathering except its seats and lifecycle. */
public record GatheringDetails(
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String timezone,
        @Nullable Venue venue,
        boolean online,
        List<String> tags,
        RefundPolicy refundPolicy) {
}
