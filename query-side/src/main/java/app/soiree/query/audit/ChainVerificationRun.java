package app.soiree.query.audit;

import app.soiree.query.audit.ChainStore.StoredLink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One verification: reads the stored events from the first up to the head the stream had when it
 * started, once to count them (tokens only, payloads stay serialized) so progress has a total, then to
 * check each against its link. An event's link holds when it is the link of that very event, follows
 * the link before it in the chain ({@code previousHash} is that link's hash as stored), and its hash
 * recomputed from the event's stored bytes is the stored one. Walking the links in stream order beside
 * the events also finds a link whose event is no longer in the store. It stops at the first link that
 * does not hold, which it names; it writes nothing but its own row.
 */
final class ChainVerificationRun {

    private static final Logger log = LoggerFactory.getLogger(ChainVerificationRun.class);

    /** The stream delivers what exists at once; this long with nothing means it is stuck. */
    static final Duration STREAM_STALL = Duration.ofMinutes(1);
    /** Progress (and with it the heartbeat) is written at least this often. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
    private static final Duration LINK_POLL = Duration.ofMillis(100);
    private static final int LINK_PAGE = 500;

    private final UUID verificationId;
    private final long headPosition;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final Serializer storeSerializer;
    private final ChainStore chain;
    /** This run reads the whole stream in order, so the tokens it is handed prove most positions. */
    private final DeliveredPositions positions;
    private final ChainVerificationStore store;
    private final ChainVerificationProperties properties;
    private final Clock clock;

    private long eventsChecked;
    private long lastWriteNanos = System.nanoTime();

    ChainVerificationRun(UUID verificationId, long headPosition, StreamableMessageSource<TrackedEventMessage<?>> events,
                         Serializer storeSerializer, ChainStore chain, StoredPositions positions, ChainVerificationStore store, ChainVerificationProperties properties,
                         Clock clock) {
        this.verificationId = verificationId;
        this.headPosition = headPosition;
        this.events = events;
        this.storeSerializer = storeSerializer;
        this.chain = chain;
        this.positions = new DeliveredPositions(positions);
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Never throws: whatever keeps it from finishing ends it as FAILED, with the reason. */
    void run() {
        try {
            long[] counted = {0};
            readUpToHead(message -> {
                counted[0]++;
                return true;
            });
            store.counted(verificationId, counted[0], clock.instant());
            Broken broken = firstBrokenLink();
            if (broken == null) {
                store.completeIntact(verificationId, clock.instant(), eventsChecked);
            } else {
                log.warn("Chain verification {}: event {} breaks the chain: {}", verificationId, broken.eventId(), broken.how());
                store.completeBroken(verificationId, clock.instant(), eventsChecked, broken.eventId(), broken.how());
            }
        } catch (CannotVerify failure) {
            log.warn("Chain verification {} failed: {}", verificationId, failure.getMessage());
            fail(failure.getMessage());
        } catch (InterruptedException interrupted) {
            fail(ChainVerificationStore.INTERRUPTED);
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.error("Chain verification {} failed", verificationId, unexpected);
            fail("failed after " + eventsChecked + " events: " + unexpected);
        }
    }

    private @Nullable Broken firstBrokenLink() throws InterruptedException {
        LinkCursor links = new LinkCursor();
        Broken[] found = {null};
        readUpToHead(message -> {
            long position = positionOf(message);
            StoredLink withoutEvent = links.before(position);
            if (withoutEvent != null) {
                found[0] = eventMissing(withoutEvent);
            } else {
                found[0] = check(message, links.at(position).or(() -> awaitLink(position)).orElse(null));
            }
            if (found[0] != null) {
                return false;
            }
            links.passed(position);
            eventsChecked++;
            writeProgressIfDue();
            return true;
        });
        if (found[0] == null) {
            StoredLink withoutEvent = links.before(Long.MAX_VALUE);
            return withoutEvent == null ? null : eventMissing(withoutEvent);
        }
        return found[0];
    }

    private @Nullable Broken check(TrackedEventMessage<?> message, @Nullable StoredLink link) {
        String eventId = message.getIdentifier();
        if (link == null) {
            return new Broken(eventId, "the event is not in the chain");
        }
        if (!link.eventId().equals(eventId)) {
            return new Broken(eventId, "the chain holds another event (" + link.eventId() + ") at its position");
        }
        if (!link.previousHash().equals(link.expectedPreviousHash())) {
            return new Broken(eventId, "its link does not follow the link before it in the chain (link " + (link.chainSeq() - 1)
                    + " was removed or altered)");
        }
        if (!ChainLinks.next(link.previousHash(), ChainedEvent.asStored(message, storeSerializer)).equals(link.hash())) {
            return new Broken(eventId, "the event as stored is not the event that was chained (identity, payload or metadata changed)");
        }
        return null;
    }

    private static Broken eventMissing(StoredLink link) {
        return new Broken(link.eventId(), "the chain links it at position " + link.position() + ", but the store no longer holds it there");
    }

    /**
     * A stored event the chain has not linked yet: an event committed after later ones (the embedded
     * store hands out positions before commit), or a processor a little behind. If it is still missing
     * after the wait while the chain has gone past it, it is missing from the chain; if the chain has not
     * got that far at all, there is nothing to conclude yet.
     */
    private Optional<StoredLink> awaitLink(long position) {
        long deadline = System.nanoTime() + properties.linkWait().toNanos();
        while (true) {
            Optional<StoredLink> link = chain.linkAt(position);
            if (link.isPresent() || System.nanoTime() > deadline) {
                if (link.isEmpty() && !chain.linksBeyond(position)) {
                    throw new CannotVerify("the chain has not reached position " + position + " yet (its processor is behind or stopped); "
                            + "verify again once it has");
                }
                return link;
            }
            writeProgressIfDue();
            try {
                Thread.sleep(LINK_POLL);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new CannotVerify(ChainVerificationStore.INTERRUPTED);
            }
        }
    }

    /** Every event from the first up to the one at the head position, in stream order, while {@code action} says go on. */
    private void readUpToHead(EventAction action) throws InterruptedException {
        if (headPosition < 0) {
            return; // an empty stream: nothing to read, and reading would wait for a first event forever
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            long lastArrival = System.nanoTime();
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    writeProgressIfDue();
                    if (System.nanoTime() - lastArrival > STREAM_STALL.toNanos()) {
                        throw new CannotVerify("the event stream delivered nothing for " + STREAM_STALL + " before reaching position "
                                + headPosition);
                    }
                    continue;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                lastArrival = System.nanoTime();
                long position = positionOf(message);
                if (position > headPosition || !action.goOn(message) || position == headPosition) {
                    return;
                }
            }
        }
    }

    private void writeProgressIfDue() {
        if (System.nanoTime() - lastWriteNanos > PROGRESS_EVERY.toNanos()) {
            store.progress(verificationId, eventsChecked, clock.instant());
            lastWriteNanos = System.nanoTime();
        }
    }

    private void fail(String reason) {
        try {
            store.fail(verificationId, clock.instant(), reason);
        } catch (RuntimeException e) {
            // Its heartbeat stops with this run; the verification is marked abandoned once it is stale.
            log.error("Could not record that chain verification {} failed ({})", verificationId, reason, e);
        }
    }

    private long positionOf(TrackedEventMessage<?> message) {
        try {
            return positions.of(message, message.trackingToken());
        } catch (IllegalStateException noPosition) {
            throw new CannotVerify("event " + message.getIdentifier() + " has no position in the stream: " + noPosition.getMessage());
        }
    }

    /**
     * The links up to the head in stream order, read a page at a time beside the events: a link still
     * unread at a lower position than the event in hand has no event in the store.
     */
    private final class LinkCursor {

        private final Deque<StoredLink> page = new ArrayDeque<>();
        /** The position of the last event checked: a link at or below it was matched, perhaps found on its own after a wait. */
        private long passed = -1;
        private long readUpTo = -1;

        /** The first unmatched link at a position below {@code position}, or null. */
        @Nullable StoredLink before(long position) {
            StoredLink next = peek();
            return next != null && next.position() < position ? next : null;
        }

        /** The link at {@code position} if it is the next one. */
        Optional<StoredLink> at(long position) {
            StoredLink next = peek();
            return next != null && next.position() == position ? Optional.of(next) : Optional.empty();
        }

        void passed(long position) {
            passed = position;
        }

        /**
         * Read on when the page is used up; an empty read is tried again at the next event, since the
         * chain's processor may be linking the last events while the verification reads them.
         */
        private @Nullable StoredLink peek() {
            while (!page.isEmpty() && page.getFirst().position() <= passed) {
                page.removeFirst();
            }
            if (page.isEmpty()) {
                readUpTo = Math.max(readUpTo, passed);
                page.addAll(chain.linksBetween(readUpTo, headPosition, LINK_PAGE));
                if (!page.isEmpty()) {
                    readUpTo = page.getLast().position();
                }
            }
            return page.peekFirst();
        }
    }

    /** The first link that does not hold: the event it is about, and how it breaks. */
    private record Broken(String eventId, String how) {
    }

    @FunctionalInterface
    private interface EventAction {
        /** False stops the walk. */
        boolean goOn(TrackedEventMessage<?> message);
    }

    /** Ends the verification as FAILED with this message: it could not conclude, whatever the chain holds. */
    private static final class CannotVerify extends RuntimeException {
        CannotVerify(String message) {
            super(message);
        }
    }
}
