package app.soiree.command.promotion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.FeaturedGatheringId;
import app.soiree.api.promotion.GatheringFeatured;
import app.soiree.api.promotion.GatheringUnfeatured;
import app.soiree.api.promotion.UnfeatureGathering;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * Whether support features a gathering, and in which window: one per gathering ({@link FeaturedGatheringId#forGathering}).
 * Featuring again replaces the window; removing ends it. Its states are two, featured or not, and each command
 * moves between them or, asked for the state it is already in, changes nothing.
 */
@Aggregate
public class FeaturedGathering {

    @AggregateIdentifier
    private FeaturedGatheringId featureId;
    private GatheringId gatheringId;
    /** The window featured now; null when the gathering is not featured. */
    private @Nullable Window window;

    protected FeaturedGathering() {
        // for Axon's event sourcing, and for the first feature
    }

    /** The gathering is looked up here, not only at the door, because the console sends this command too. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FeatureGathering command, PromotableGatherings gatherings, Clock clock) {
        Instant now = clock.instant();
        gatherings.require(command.gatheringId()).requirePromotableDuring(command.from(), command.until(), now);
        Window asked = new Window(command.from(), command.until());
        if (asked.equals(window)) {
            return; // featured in this very window already
        }
        apply(new GatheringFeatured(command.featureId(), command.gatheringId(), command.from(), command.until(), command.featuredBy(), now));
    }

    @CommandHandler
    void handle(UnfeatureGathering command, Clock clock) {
        if (window == null) {
            return; // removed already
        }
        apply(new GatheringUnfeatured(featureId, gatheringId, command.unfeaturedBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(GatheringFeatured event) {
        featureId = event.featureId();
        gatheringId = event.gatheringId();
        window = new Window(event.from(), event.until());
    }

    @EventSourcingHandler
    void on(GatheringUnfeatured event) {
        window = null;
    }

    private record Window(Instant from, Instant until) {
    }
}
