package app.soiree.server.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the heap back to the machine while the server rests, without making it work harder under load. The JVM keeps
 * what a load made it grow (G1 keeps up to 70 % of the heap free, {@code MaxHeapFreeRatio}), so a server that served a
 * rush holds a gigabyte long after. Launched with tight ratios (10–30 % free) it gives most of it back at the periodic
 * collection of an idle moment ({@code -XX:G1PeriodicGCInterval}), but it keeps the heap tight under load too, and
 * the feed read slower (docs/benchmarks.md). Both ratios are manageable flags, so this sets them as the load comes
 * and goes: the tight ones once the server has allocated next to nothing for two seconds, with a collection that
 * hands the heap back, and the ones it was launched with as soon as it allocates again. With that collection it
 * publishes {@link ServerResting}, for what else a load made grow (the database's connections).
 *
 * <p>The allocation rate tells rest from work: requests, events and pushes all allocate (36–97 MB/s in the benchmark's
 * phases), while the pollers of an idle server (tracking processors, schedulers) allocate about half a megabyte a second.
 */
@Component
@ConditionalOnBooleanProperty(name = "soiree.jvm.resting-heap.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestingHeapProperties.class)
class RestingHeap {

    private static final Logger log = LoggerFactory.getLogger(RestingHeap.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";
    private static final long NEVER = Long.MIN_VALUE;

    private final JvmHeap heap;
    private final LongSupplier allocatedBytes;
    private final LongSupplier nanoTime;
    private final RestingHeapProperties properties;
    private final ApplicationEventPublisher events;
    private final Ratios working;

    private long lastAllocated;
    private long lastSampledAt;
    private long quietSince = -1;
    private long lastCollectedAt = NEVER;
    private double lastRate;
    private boolean resting;
    private boolean handBackDue;

    @Autowired
    RestingHeap(RestingHeapProperties properties, ApplicationEventPublisher events) {
        this(JvmHeap.ofThisJvm(), totalAllocatedBytes(), System::nanoTime, properties, events);
    }

    RestingHeap(JvmHeap heap, LongSupplier allocatedBytes, LongSupplier nanoTime, RestingHeapProperties properties,
                ApplicationEventPublisher events) {
        this.heap = heap;
        this.allocatedBytes = allocatedBytes;
        this.nanoTime = nanoTime;
        this.properties = properties;
        this.events = events;
        this.working = new Ratios(heap.get(MIN), heap.get(MAX));
        this.lastAllocated = allocatedBytes.getAsLong();
        this.lastSampledAt = nanoTime.getAsLong();
    }

    @Scheduled(fixedDelayString = "${soiree.jvm.resting-heap.sample-every:PT1S}")
    void sample() {
        long now = nanoTime.getAsLong();
        long allocated = allocatedBytes.getAsLong();
        long elapsed = Math.max(1, now - lastSampledAt);
        double bytesPerSecond = (allocated - lastAllocated) * 1e9 / elapsed;
        lastRate = bytesPerSecond;
        lastAllocated = allocated;
        lastSampledAt = now;
        if (bytesPerSecond > properties.quietAllocationRate().toBytes()) {
            quietSince = -1;
            if (resting) {
                work();
            }
            return;
        }
        if (quietSince < 0) {
            quietSince = now - elapsed; // quiet since the previous sample
        }
        if (!resting && now - quietSince >= properties.quietFor().toNanos()) {
            rest();
        } else if (resting && handBackDue) {
            handBackIfNotLately();
        }
    }

    boolean resting() {
        return resting;
    }

    /** Tight ratios; the minimum first, as the JVM refuses a minimum above the maximum at every step. */
    private void rest() {
        if (set(properties.restingMinFreeRatio(), properties.restingMaxFreeRatio())) {
            resting = true;
            handBackDue = true;
            handBackIfNotLately();
            log.debug("Resting (allocating {} bytes/s): the heap keeps {}–{} % free", Math.round(lastRate),
                    properties.restingMinFreeRatio(), properties.restingMaxFreeRatio());
        }
    }

    /** The ratios the JVM was launched with; the maximum first. */
    private void work() {
        if (set(working.min(), working.max())) {
            resting = false;
            handBackDue = false;
            log.debug("Working (allocating {} bytes/s): the heap keeps {}–{} % free", Math.round(lastRate), working.min(), working.max());
        }
    }

    /**
     * G1 gives the heap back at the end of a collection, and the periodic one comes up to two intervals after the last:
     * one is started now, so that the heap goes back within seconds of the rest, and {@link ServerResting} is published.
     * At most once a {@code collectAtMostEvery}, so that a load that comes and goes does not collect (nor have the
     * database's connections renewed) at every lull; a rest that began sooner hands back once that time is over.
     */
    private void handBackIfNotLately() {
        long now = nanoTime.getAsLong();
        if (lastCollectedAt != NEVER && now - lastCollectedAt < properties.collectAtMostEvery().toNanos()) {
            return;
        }
        lastCollectedAt = now;
        handBackDue = false;
        heap.collect();
        events.publishEvent(new ServerResting());
    }

    private boolean set(int min, int max) {
        try {
            if (min <= heap.get(MAX)) {
                heap.set(MIN, min);
                heap.set(MAX, max);
            } else {
                heap.set(MAX, max);
                heap.set(MIN, min);
            }
            return true;
        } catch (RuntimeException refused) {
            log.warn("The heap's free ratios could not be set to {}–{} %; they stay as they are", min, max, refused);
            return false;
        }
    }

    private static LongSupplier totalAllocatedBytes() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads::getTotalThreadAllocatedBytes;
    }

    private record Ratios(int min, int max) {
    }

    /** The two manageable flags, read and set, and a collection asked for. */
    interface JvmHeap {

        int get(String flag);

        void set(String flag, int percent);

        void collect();

        static JvmHeap ofThisJvm() {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean concurrent = Boolean.parseBoolean(hotspot.getVMOption("ExplicitGCInvokesConcurrent").getValue());
            return new JvmHeap() {
                @Override
                public int get(String flag) {
                    return Integer.parseInt(hotspot.getVMOption(flag).getValue());
                }

                @Override
                public void set(String flag, int percent) {
                    hotspot.setVMOption(flag, Integer.toString(percent));
                }

                /**
                 * Only as a concurrent cycle (-XX:+ExplicitGCInvokesConcurrent, as the server is launched): without the flag
                 * System.gc() stops the world for the whole heap, long enough to miss a socket's heart-beats. Without it
                 * the periodic collection hands the heap back, a few seconds later.
                 */
                @Override
                public void collect() {
                    if (concurrent) {
                        System.gc();
                    }
                }
            };
        }
    }
}
