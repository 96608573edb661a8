package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/** Replaces the details and, when given, the tiers. Once published, only changes that hurt no booking are accepted. */
public record EditGathering(@TargetAggregateIdentifier GatheringId gatheringId, UserId requestedBy, GatheringDetails details,
                            @Nullable List<Tier> tiers) {
}
