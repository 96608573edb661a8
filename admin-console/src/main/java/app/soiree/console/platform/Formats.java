package app.soiree.console.platform;

import app.soiree.api.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * How the console writes money and time. Money is exact (minor units as a decimal of the currency's
 * digits, never a double); times are UTC everywhere, as the ledger keeps them, and say so.
 */
public final class Formats {

    /** Every date and time the console shows or asks for is in this zone. */
    public static final ZoneOffset ZONE = ZoneOffset.UTC;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter TIME_WITH_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZONE);

    private Formats() {
    }

    /** {@code 1234 EUR} minor units reads "12.34 EUR". */
    public static String money(@Nullable Money money) {
        return money == null ? "" : decimal(money) + " " + money.currency().getCurrencyCode();
    }

    /** The amount as a plain decimal in the currency's units, e.g. "-12.34". */
    public static String decimal(Money money) {
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString();
    }

    public static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant) + " UTC";
    }

    /**
     * As {@link #time}, with the milliseconds when there are any: stored event times have them, and a page that says
     * something happened after an instant must not show both as the same second.
     */
    public static String exactTime(@Nullable Instant instant) {
        return instant == null || instant.getNano() == 0 ? time(instant) : TIME_WITH_MILLIS.format(instant) + " UTC";
    }

    public static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZONE);
    }

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
