package app.soiree.query.promotion;

import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.Actor;
import app.soiree.api.promotion.PromotionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A host reads the promotions of a gathering of theirs. */
@RestController
@Tag(name = "Promotion")
class PromotionController {

    private final QueryGateway queries;
    private final PromotionReads reads;
    private final Clock clock;

    PromotionController(QueryGateway queries, PromotionReads reads, Clock clock) {
        this.queries = queries;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/api/gatherings/{gatheringId}/promotions")
    @Operation(summary = "The gathering's promotions, oldest first: budget, window, status (SCHEDULED, ACTIVE, ENDED, REFUNDED) and "
            + "what a cancellation refunded. Its host only; 404 for anyone else.")
    List<PromotionView> promotions(@PathVariable GatheringId gatheringId, Actor actor) {
        // Whose the gathering is, the gathering context answers; drafts are shown to their host only, so a stranger learns nothing.
        GatheringView gathering = queries.query(new FindGathering(gatheringId, actor.userId()), ResponseTypes.instanceOf(GatheringView.class))
                .join();
        if (gathering == null || !gathering.hostId().equals(actor.userId())) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        return reads.promotionsOf(gatheringId, clock.instant());
    }
}
