package app.soiree.command.promotion;

import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import java.util.Optional;

/** The gatherings this context knows of ({@code promotion_gatherings}); an interface so aggregate tests can stand in for the table. */
interface PromotableGatherings {

    Optional<PromotableGathering> find(GatheringId gatheringId);

    default PromotableGathering require(GatheringId gatheringId) {
        return find(gatheringId).orElseThrow(() -> SoireeException.notFound("Gathering " + gatheringId));
    }
}
