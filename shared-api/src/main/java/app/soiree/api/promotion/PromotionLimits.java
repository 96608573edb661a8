package app.soiree.api.promotion;

import java.time.Duration;

/** The bounds of a promotion, checked at the door and again by the wallet that pays for it. */
public final class PromotionLimits {

    /** One unit of the currency (e.g. 1.00 EUR): less buys nothing worth booking. */
    public static final long MIN_BUDGET_MINOR = 100;
    /** 100,000 units of the currency: far above any real promotion, low enough that a typo cannot empty a wallet by surprise. */
    public static final long MAX_BUDGET_MINOR = 10_000_000;
    /** A feature or promotion lasts at most this long; it also keeps the pro-rata arithmetic well inside a long. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    private PromotionLimits() {
    }
}
