package app.soiree.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The message pattern the chat phase and its echo baseline share, and the bookkeeping of what arrived:
 * which users form a conversation, when each message is sent, and for every message which of its
 * members' sockets received it, when, and how often. A message is registered before it is sent (a push
 * may arrive before the REST answer does); a push nobody registered is counted apart, not as a delivery.
 */
final class Deliveries {

    /** One message: when it left, which users should get it, which did. */
    private static final class Tracked {
        final long sentNanos;
        final BitSet expected;
        final BitSet received = new BitSet();
        int duplicates;

        Tracked(long sentNanos, BitSet expected) {
            this.sentNanos = sentNanos;
            this.expected = expected;
        }
    }

    private final ConcurrentHashMap<String, Tracked> messages = new ConcurrentHashMap<>();
    private final AtomicLong expectedTotal = new AtomicLong();
    private final AtomicLong deliveredTotal = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong lastReceivedNanos = new AtomicLong();
    private volatile long firstSentNanos = Long.MAX_VALUE;
    private long[] latenciesMicros = new long[1 << 16];
    private int latencyCount;
    private final Semaphore window;

    /** Bookkeeping only. */
    Deliveries() {
        this(null);
    }

    /** Also releases {@code window} once a message has reached every member: how a closed-model sender waits. */
    Deliveries(Semaphore window) {
        this.window = window;
    }

    /** Registers a message before it is sent: these users (indexes into the phase's user list) must each get it once. */
    void sent(String id, long sentNanos, List<Integer> members) {
        BitSet expected = new BitSet();
        members.forEach(expected::set);
        messages.put(id, new Tracked(sentNanos, expected));
        expectedTotal.addAndGet(members.size());
        if (sentNanos < firstSentNanos) {
            firstSentNanos = sentNanos;
        }
    }

    /** The send failed (no 201): nobody is to receive it, so it counts neither as delivered nor as lost. */
    void failed(String id) {
        Tracked tracked = messages.remove(id);
        if (tracked != null) {
            expectedTotal.addAndGet(-tracked.expected.cardinality());
            if (window != null) {
                window.release(); // its slot is free again
            }
        }
    }

    /** A socket of user {@code receiver} got message {@code id}. */
    void received(String id, int receiver, long atNanos) {
        Tracked tracked = id == null ? null : messages.get(id);
        if (tracked == null) {
            unknown.incrementAndGet();
            return;
        }
        boolean complete;
        synchronized (tracked) {
            if (!tracked.expected.get(receiver) || tracked.received.get(receiver)) {
                tracked.duplicates++; // a second copy, or a copy for someone not in the conversation
                return;
            }
            tracked.received.set(receiver);
            complete = tracked.received.cardinality() == tracked.expected.cardinality();
        }
        deliveredTotal.incrementAndGet();
        lastReceivedNanos.accumulateAndGet(atNanos, Math::max);
        long micros = (atNanos - tracked.sentNanos) / 1_000;
        synchronized (this) {
            if (latencyCount == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, latencyCount * 2);
            }
            latenciesMicros[latencyCount++] = micros;
        }
        if (complete && window != null) {
            window.release();
        }
    }

    /** Waits until every expected delivery arrived, or the grace period passed without one arriving. */
    void awaitAll(Duration grace) {
        long last = deliveredTotal.get();
        long quietSince = System.nanoTime();
        while (deliveredTotal.get() < expectedTotal.get() && System.nanoTime() - quietSince < grace.toNanos()) {
            Waiting.sleep(50);
            long now = deliveredTotal.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    /** What arrived. {@code perSecond} is deliveries ÷ (first send → last delivery). */
    record Result(int messages, long expected, long delivered, long lost, long duplicated, long unknown,
                  double perSecond, double p50, double p95, double p99, double max) {

        String latencies() {
            return delivered == 0 ? "–" : "%.1f / %.1f / %.1f ms".formatted(p50, p95, p99);
        }
    }

    Result result() {
        long duplicated = messages.values().stream().mapToLong(t -> {
            synchronized (t) {
                return t.duplicates;
            }
        }).sum();
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(latenciesMicros, latencyCount);
        }
        Arrays.sort(sorted);
        long delivered = deliveredTotal.get();
        double perSecond = delivered == 0 ? 0 : delivered * 1e9 / Math.max(1, lastReceivedNanos.get() - firstSentNanos);
        return new Result(messages.size(), expectedTotal.get(), delivered, expectedTotal.get() - delivered, duplicated, unknown.get(),
                perSecond, ms(sorted, 50), ms(sorted, 95), ms(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    private static double ms(long[] sortedMicros, double percent) {
        return Samples.percentile(sortedMicros, percent) / 1000.0;
    }

    // ---- the pattern

    /**
     * Splits users 0..n-1 into conversations of 10 to 50 members (every user in exactly one), the same
     * split for every run (fixed seed), so that runs and the echo are comparable.
     */
    static List<List<Integer>> conversations(int users) {
        Random random = new Random(15);
        List<List<Integer>> groups = new ArrayList<>();
        int next = 0;
        while (next < users) {
            int remaining = users - next;
            int size = Math.min(remaining, 10 + random.nextInt(41));
            if (remaining - size > 0 && remaining - size < 10) {
                size = remaining <= 50 ? remaining : remaining - 10; // never leave a conversation of under 10
            }
            List<Integer> members = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                members.add(next + i);
            }
            groups.add(members);
            next += size;
        }
        return groups;
    }

    /**
     * Open model: message i is sent at start + i / rate, on a virtual thread of its own, whether or not
     * earlier ones were answered, so a slow server sees the same arrivals as a fast one (no coordinated
     * omission). Returns once every send has returned.
     */
    static void paced(int rate, Duration duration, IntConsumer send) {
        long count = (long) rate * duration.toSeconds();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    Waiting.sleep(Math.max(1, wait / 1_000_000));
                }
                int n = i;
                senders.submit(() -> send.accept(n));
            }
        }
    }

    /**
     * Closed model, for capacity: at most {@code outstanding} messages in flight (a new one as soon as one
     * has reached every member of its conversation) for {@code duration}. Returns the bookkeeping.
     */
    static Deliveries saturated(int outstanding, Duration duration, Consumer<Deliveries> countInto, BiConsumer<Deliveries, Integer> send) {
        Semaphore inFlight = new Semaphore(outstanding);
        Deliveries deliveries = new Deliveries(inFlight);
        countInto.accept(deliveries);
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; System.nanoTime() < end; i++) {
                if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                    break; // messages never completed: their losses show in the result
                }
                int n = i;
                senders.submit(() -> send.accept(deliveries, n));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveries.awaitAll(Duration.ofSeconds(15));
        return deliveries;
    }

    /** The text of message {@code id}: the id and the send time, as a client app could show them. */
    static String text(String id) {
        return "bench " + id + " " + System.currentTimeMillis();
    }

    /** The id inside a {@link #text} (null for any other text). */
    static String idOf(String text) {
        if (text == null || !text.startsWith("bench ")) {
            return null;
        }
        int end = text.indexOf(' ', 6);
        return end < 0 ? null : text.substring(6, end);
    }
}
