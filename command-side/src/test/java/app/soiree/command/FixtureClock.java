package app.soiree.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock that reads an aggregate test fixture's own notion of now, which deadline testing
 * ({@code whenTimeElapses}) advances; injected into handlers that take a {@link Clock}.
 */
public final class FixtureClock extends Clock {

    private final Supplier<Instant> now;

    public FixtureClock(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
