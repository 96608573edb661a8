package app.soiree.query.gathering;

import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.Venue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A gathering's details, lifecycle and rating totals. Its search vector is a generated column the database keeps. */
@Entity
@Table(name = "gatherings")
class Gathering {

    @Id
    private UUID id;

    @Column(name = "host_id", nullable = false)
    private UUID hostId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private String timezone;

    @Column(name = "venue_name")
    private @Nullable String venueName;

    @Column(name = "venue_address")
    private @Nullable String venueAddress;

    @Column(name = "venue_latitude")
    private @Nullable Double venueLatitude;

    @Column(name = "venue_longitude")
    private @Nullable Double venueLongitude;

    @Column(nullable = false)
    private boolean online;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    @Column(name = "refund_full_hours_before", nullable = false)
    private int refundFullHoursBefore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GatheringStatus status;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Gathering() {
    }

    Gathering(GatheringCreated event) {
        this.id = event.gatheringId().value();
        this.hostId = event.hostId().value();
        this.status = GatheringStatus.DRAFT;
        this.createdAt = event.createdAt();
        describe(event.details());
    }

    void describe(GatheringDetails details) {
        title = details.title();
        description = details.description();
        startsAt = details.startsAt();
        endsAt = details.endsAt();
        timezone = details.timezone();
        Venue venue = details.venue();
        venueName = venue == null ? null : venue.name();
        venueAddress = venue == null ? null : venue.address();
        venueLatitude = venue == null ? null : venue.latitude();
        venueLongitude = venue == null ? null : venue.longitude();
        online = details.online();
        tags = new ArrayList<>(details.tags());
        refundFullHoursBefore = details.refundPolicy().fullRefundHoursBefore();
    }

    /**
     * Lifecycle moves forward only, so an event delivered again after later ones cannot revive a
     * cancelled or ended gathering.
     */
    void moveTo(GatheringStatus next) {
        boolean forward = switch (status) {
            case DRAFT -> true;
            case PUBLISHED -> next != GatheringStatus.DRAFT;
            case CANCELLED, ENDED -> false;
        };
        if (forward) {
            status = next;
        }
    }

    void addRating(int rating) {
        ratingSum = Math.addExact(ratingSum, rating);
        ratingCount = Math.incrementExact(ratingCount);
    }
}
