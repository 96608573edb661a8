package app.soiree.query.gathering;

import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tier and how many of its seats are held or confirmed; what remains is available. */
@Entity
@Table(name = "gathering_tiers")
class GatheringTier {

    @EmbeddedId
    private TierKey key;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(name = "price_amount", nullable = false)
    private long priceAmount;

    @Column(name = "price_currency", nullable = false)
    private String priceCurrency;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private int held;

    @Column(nullable = false)
    private int confirmed;

    protected GatheringTier() {
    }

    GatheringTier(GatheringId gatheringId, Tier tier, int position) {
        this.key = TierKey.of(gatheringId, tier.tierId());
        describe(tier, position);
    }

    /** Seats already held or confirmed stay counted: an edit changes what a tier is, not who sits in it. */
    void describe(Tier tier, int position) {
        this.position = position;
        this.name = tier.name();
        this.priceAmount = tier.price().amountMinor();
        this.priceCurrency = tier.price().currency().getCurrencyCode();
        this.capacity = tier.capacity();
    }

    void release(int quantity, BookingStatus from) {
        switch (from) {
            case HELD -> held = requireNotNegative(held - quantity, "held");
            case CONFIRMED -> confirmed = requireNotNegative(confirmed - quantity, "confirmed");
            default -> {
                // Expired, cancelled and refunded bookings occupy no seat.
            }
        }
    }

    void occupy(int quantity, BookingStatus as) {
        switch (as) {
            case HELD -> held = Math.addExact(held, quantity);
            case CONFIRMED -> confirmed = Math.addExact(confirmed, quantity);
            default -> {
                // Expired, cancelled and refunded bookings occupy no seat.
            }
        }
    }

    TierKey key() {
        return key;
    }

    private int requireNotNegative(int seats, String what) {
        if (seats < 0) {
            throw new IllegalStateException("Tier " + key + " would have " + seats + " " + what + " seats");
        }
        return seats;
    }
}
