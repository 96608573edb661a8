package app.soiree.console.promotion;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.FeaturedGatheringList;
import app.soiree.api.promotion.FeaturedGatheringView;
import app.soiree.api.promotion.FindFeaturedGatherings;
import app.soiree.api.promotion.UnfeatureGathering;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * Features as the platform answers the console about them on Axon's buses: the list of those not ended, and support's
 * feature and removal, applied at once as the command and query sides together would. It can be told to refuse every
 * command with a code.
 */
public class TestPromotions {

    private final Map<GatheringId, FeaturedGatheringView> features = new ConcurrentHashMap<>();
    private volatile @Nullable ErrorCode refusing;
    public final List<Object> commands = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    public void reset() {
        features.clear();
        refusing = null;
        commands.clear();
        commandMetaData.clear();
    }

    public void refuseWith(ErrorCode code) {
        refusing = code;
    }

    public void featured(FeaturedGatheringView view) {
        features.put(view.gatheringId(), view);
    }

    @QueryHandler
    FeaturedGatheringList handle(FindFeaturedGatherings query) {
        return new FeaturedGatheringList(features.values().stream().filter(view -> view.until().isAfter(query.now()))
                .sorted(Comparator.comparing(FeaturedGatheringView::from)).limit(query.limit()).toList());
    }

    @CommandHandler
    void handle(FeatureGathering command, MetaData metaData) {
        received(command, metaData);
        features.put(command.gatheringId(), new FeaturedGatheringView(command.gatheringId(), command.from(), command.until(),
                command.featuredBy(), Instant.now()));
    }

    @CommandHandler
    void handle(UnfeatureGathering command, MetaData metaData) {
        received(command, metaData);
        features.remove(command.gatheringId());
    }

    private void received(Object command, MetaData metaData) {
        ErrorCode refusal = refusing;
        if (refusal != null) {
            throw new CommandExecutionException("Refused for the test", null, refusal.name());
        }
        commands.add(command);
        commandMetaData.add(metaData);
    }
}
