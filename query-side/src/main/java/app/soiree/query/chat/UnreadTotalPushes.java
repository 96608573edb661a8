package app.soiree.query.chat;

import app.soiree.query.realtime.PushEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells users their unread total ({@code unread.total} {@code {total}}), coalesced: a user whose total
 * may have moved is noted once the change has committed, and in rounds at most one
 * {@code soiree.chat.unread-total-every} apart (default 1 s) the users noted since are told their totals as
 * they are then, read in one statement. A change after a quiet spell is told at once (the round starts
 * when it is noted); under load a busy conversation costs each member at most one {@code unread.total} per
 * interval, not one per message (each message is pushed at once as {@code message.new} either way, which is
 * what a client shows first), and the last one always carries the total after the last change: a change that
 * commits after a round has taken its users notes them again for the next round.
 * <p>
 * The totals are read after the changes committed, outside any transaction, so a push never announces
 * a total that a read would not show. With an interval of zero, the totals are read and pushed at once
 * after each commit, in the committing thread (the query side's own tests use that).
 */
@Component
class UnreadTotalPushes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnreadTotalPushes.class);

    private final UnreadCounts counts;
    private final ChatPushes pushes;
    private final Clock clock;
    private final Duration every;
    private final Set<UUID> noted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean roundPlanned = new AtomicBoolean();
    /** Written by the one round thread, read by the noting threads. */
    private volatile long lastRoundStarted = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private final @Nullable ScheduledExecutorService rounds;

    UnreadTotalPushes(UnreadCounts counts, ChatPushes pushes, Clock clock,
                      @Value("${soiree.chat.unread-total-every:1s}") Duration every) {
        if (every.isNegative()) {
            throw new IllegalArgumentException("soiree.chat.unread-total-every must not be negative");
        }
        this.counts = counts;
        this.pushes = pushes;
        this.clock = clock;
        this.every = every;
        this.rounds = every.isZero() ? null : Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("chat-unread-totals").factory());
    }

    /** These users' totals may have moved in the current transaction (or just now, outside one): tell them once it commits. */
    void changed(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return;
        }
        List<UUID> users = List.copyOf(userIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    note(users);
                }
            });
        } else {
            note(users);
        }
    }

    private void note(List<UUID> users) {
        ScheduledExecutorService rounds = this.rounds;
        if (rounds == null) {
            push(users);
            return;
        }
        noted.addAll(users);
        if (roundPlanned.compareAndSet(false, true)) {
            // At once after a quiet spell; otherwise an interval after the round before.
            long wait = lastRoundStarted + every.toNanos() - System.nanoTime();
            rounds.schedule(this::round, Math.max(wait, 0), TimeUnit.NANOSECONDS);
        }
    }

    private void round() {
        ScheduledExecutorService rounds = java.util.Objects.requireNonNull(this.rounds);
        lastRoundStarted = System.nanoTime();
        // Planned again by the next note from here on; a user noted after this line is in this round or the next.
        roundPlanned.set(false);
        List<UUID> users = new ArrayList<>(noted);
        noted.removeAll(users);
        try {
            push(users);
        } catch (RuntimeException e) {
            // The read failed (the database is away): these users are told in a later round, not never.
            log.warn("Could not read {} users' unread totals, trying again: {}", users.size(), e.toString());
            noted.addAll(users);
            if (roundPlanned.compareAndSet(false, true)) {
                rounds.schedule(this::round, Math.max(every.toMillis(), 1_000), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void push(List<UUID> users) {
        if (users.isEmpty()) {
            return;
        }
        Map<UUID, Long> totals = counts.totals(users);
        var at = clock.instant();
        totals.forEach((user, total) -> pushes.send(user, new PushEnvelope(ChatPushes.UNREAD_TOTAL, null, null, at,
                new UnreadCounts.UnreadTotal(total))));
    }

    @Override
    public void destroy() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }
}
