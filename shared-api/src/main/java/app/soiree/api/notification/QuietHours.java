package app.soiree.api.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Local hours, in the recipient's time zone, when intrusive channels stay silent. {@code from} after {@code to} spans
 * midnight (22:00–07:00). Local times, so the hours stay the same across a daylight-saving change; a local time the
 * change skips is taken as the first instant after the gap.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }

    /** The instant the quiet hours around {@code instant} end; {@code instant} itself when it is not in them. */
    public Instant endAfter(Instant instant, ZoneId zone) {
        if (!contains(instant, zone)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate endDay = local.toLocalTime().isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(endDay, to, zone).toInstant();
    }
}
