package app.soiree.command.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of a poll that works through what fell due one item a transaction (each item taken with
 * {@code for update skip locked}, so replicas polling at once share the work). The round ends when nothing is left or
 * after {@link #PER_ROUND} items. An item that fails is put back {@link #RETRY_AFTER} later, in a transaction of its
 * own, and the round goes on with the next: one that keeps failing (a poison row) is tried again every minute without
 * holding up those due after it, which it did when the round ended at the first failure and began with it again.
 */
final class DueRounds {

    static final int PER_ROUND = 100;
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    /** @param <K> what names a due item */
    interface Poll<K> {

        /** The next due item, locked in the current transaction; null when none is due. */
        @Nullable K take();

        /** Handles the item and removes it, or moves it on, in the same transaction. */
        void handle(K item);

        /** Makes the item due again at {@code retryAt}, in a transaction of its own, after handling it failed. */
        void postpone(K item, Instant retryAt);
    }

    private DueRounds() {
    }

    /** A poll made of its three steps. */
    static <K> Poll<K> poll(Supplier<@Nullable K> take, Consumer<K> handle, BiConsumer<K, Instant> postpone) {
        return new Poll<>() {
            @Override
            public @Nullable K take() {
                return take.get();
            }

            @Override
            public void handle(K item) {
                handle.accept(item);
            }

            @Override
            public void postpone(K item, Instant retryAt) {
                postpone.accept(item, retryAt);
            }
        };
    }

    static <K> void run(TransactionTemplate transactions, Clock clock, Logger log, String what, Poll<K> poll) {
        for (int taken = 0; taken < PER_ROUND; taken++) {
            AtomicReference<K> current = new AtomicReference<>();
            try {
                boolean found = Boolean.TRUE.equals(transactions.execute(status -> {
                    K item = poll.take();
                    if (item == null) {
                        return false;
                    }
                    current.set(item);
                    poll.handle(item);
                    return true;
                }));
                if (!found) {
                    return;
                }
            } catch (RuntimeException failure) {
                K item = current.get();
                if (item == null) {
                    log.warn("{}: the poll failed; tried again in the next round", what, failure);
                    return;
                }
                Instant retryAt = clock.instant().plus(RETRY_AFTER);
                log.warn("{} failed for {}; put back until {}, the round goes on with the next", what, item, retryAt, failure);
                try {
                    transactions.executeWithoutResult(status -> poll.postpone(item, retryAt));
                } catch (RuntimeException alsoFailed) {
                    log.warn("{}: could not put {} back; the round ends and takes it again next time", what, item, alsoFailed);
                    return;
                }
            }
        }
    }
}
