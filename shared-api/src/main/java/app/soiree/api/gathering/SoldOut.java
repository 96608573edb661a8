package app.soiree.api.gathering;

/**
 * What {@link HoldSeats} answers when the tier has fewer seats left than were asked for; the caller
 * turns it into the SOLD_OUT problem. An answer rather than an exception, because a command that
 * throws rolls its unit of work back and Axon then drops the gathering from its cache: in a booking
 * rush every refusal made the next command rebuild the gathering from its snapshot and events while
 * holding its lock (docs/benchmarks.md).
 */
public record SoldOut(int available) implements HoldOutcome {

    public String message() {
        return available == 0 ? "This tier is sold out" : "Only " + available + " seats of this tier are left";
    }
}
