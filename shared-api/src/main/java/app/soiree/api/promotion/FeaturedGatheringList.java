package app.soiree.api.promotion;

import java.util.List;

public record FeaturedGatheringList(List<FeaturedGatheringView> items) {

    public FeaturedGatheringList {
        items = List.copyOf(items);
    }
}
