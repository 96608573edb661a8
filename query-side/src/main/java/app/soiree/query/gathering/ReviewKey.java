package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringReviewed;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

@Embeddable
record ReviewKey(@Column(name = "gathering_id") UUID gatheringId, @Column(name = "guest_id") UUID guestId) {

    static ReviewKey of(GatheringReviewed event) {
        return new ReviewKey(event.gatheringId().value(), event.guestId().value());
    }
}
