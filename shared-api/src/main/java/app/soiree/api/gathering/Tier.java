package app.soiree.api.gathering;

import app.soiree.api.Money;

/** A kind of seat: its price (zero for free tiers) and how many there are. */
public record Tier(TierId tierId, String name, Money price, int capacity) {

    public boolean isFree() {
        return price.isZero();
    }
}
