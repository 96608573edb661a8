package app.soiree.api.gathering;

import app.soiree.api.Money;

public record TierView(TierId tierId, String name, Money price, int capacity, int available) {
}
