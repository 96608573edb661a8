package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringReviewed;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One guest's review of one gathering; the key makes a second copy of the same review impossible. */
@Entity
@Table(name = "reviews")
class Review {

    @EmbeddedId
    private ReviewKey key;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(nullable = false)
    private int rating;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Review() {
    }

    Review(GatheringReviewed event) {
        this.key = ReviewKey.of(event);
        this.hostId = event.hostId().value();
        this.rating = event.rating();
        this.text = event.text();
        this.createdAt = event.reviewedAt();
    }
}
