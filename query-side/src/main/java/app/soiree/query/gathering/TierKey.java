package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** Tier ids are chosen by clients, so a tier is only unique within its gathering. */
@Embeddable
record TierKey(@Column(name = "gathering_id") UUID gatheringId, @Column(name = "tier_id") UUID tierId) {

    static TierKey of(GatheringId gatheringId, TierId tierId) {
        return new TierKey(gatheringId.value(), tierId.value());
    }
}
