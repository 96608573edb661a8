package app.soiree.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Rest and work told apart by the allocation rate, and the flags set as the JVM accepts them. */
class RestingHeapTest {

    private static final long MIB = 1024 * 1024;
    private static final RestingHeapProperties PROPERTIES = new RestingHeapProperties(DataSize.ofMegabytes(8), Duration.ofSeconds(2), 10, 30,
            Duration.ofMinutes(1));

    /** The JVM's own rule: a minimum above the maximum is refused, as HotSpot refuses it. */
    private final Map<String, Integer> flags = new HashMap<>(Map.of("MinHeapFreeRatio", 40, "MaxHeapFreeRatio", 70));
    private final RestingHeap.JvmHeap jvm = new RestingHeap.JvmHeap() {
        @Override
        public int get(String flag) {
            return flags.get(flag);
        }

        @Override
        public void set(String flag, int percent) {
            int min = flag.equals("MinHeapFreeRatio") ? percent : flags.get("MinHeapFreeRatio");
            int max = flag.equals("MaxHeapFreeRatio") ? percent : flags.get("MaxHeapFreeRatio");
            if (min > max) {
                throw new IllegalArgumentException("MinHeapFreeRatio (" + min + ") must be less than or equal to MaxHeapFreeRatio (" + max + ")");
            }
            flags.put(flag, percent);
        }

        @Override
        public void collect() {
            collections++;
        }
    };
    private int collections;
    private final List<Object> published = new ArrayList<>();
    private long allocated;
    private long now;
    private final RestingHeap heap = new RestingHeap(jvm, () -> allocated, () -> now, PROPERTIES, published::add);

    @Test
    void aServerThatAllocatesNextToNothingForAFewSecondsKeepsLittleFreeAndGoesBackAsSoonAsWorkComes() {
        second(200 * MIB); // a load
        assertThat(heap.resting()).isFalse();
        second(MIB);
        assertThat(heap.resting()).as("quiet for a second").isFalse();
        second(MIB);
        assertThat(heap.resting()).as("quiet for two seconds").isTrue();
        assertThat(flags).containsEntry("MinHeapFreeRatio", 10).containsEntry("MaxHeapFreeRatio", 30);
        assertThat(collections).as("a collection hands the heap back at once").isEqualTo(1);
        assertThat(published).as("and the rest is told, for the database's connections").containsExactly(new ServerResting());

        second(120 * MIB); // the next request burst

        assertThat(heap.resting()).isFalse();
        assertThat(flags).containsEntry("MinHeapFreeRatio", 40).containsEntry("MaxHeapFreeRatio", 70);

        second(MIB);
        second(MIB);
        assertThat(heap.resting()).isTrue();
        assertThat(collections).as("not again within the minute").isEqualTo(1);
        for (int quiet = 0; quiet < 56; quiet++) {
            second(MIB);
        }
        assertThat(collections).as("still within the minute of the first").isEqualTo(1);
        second(MIB);
        assertThat(collections).as("a rest that lasts hands back once the minute is over").isEqualTo(2);
        for (int quiet = 0; quiet < 120; quiet++) {
            second(MIB);
        }
        assertThat(collections).as("once a rest").isEqualTo(2);
        second(200 * MIB);
        second(MIB);
        second(MIB);
        assertThat(collections).as("the next rest, a minute later, at once").isEqualTo(3);
        assertThat(published).as("told with each collection, not at every lull").hasSize(3);
    }

    @Test
    void aLightLoadBetweenQuietSecondsIsNotRest() {
        for (int i = 0; i < 10; i++) {
            second(MIB);
            second(64 * MIB);
        }
        assertThat(heap.resting()).isFalse();
        assertThat(flags).containsEntry("MinHeapFreeRatio", 40).containsEntry("MaxHeapFreeRatio", 70);
    }

    /** The flags are manageable on the JVM the server runs on: set, read back and restored. */
    @Test
    void thisJvmAcceptsBothRatiosAtRunTime() {
        RestingHeap.JvmHeap real = RestingHeap.JvmHeap.ofThisJvm();
        int min = real.get("MinHeapFreeRatio");
        int max = real.get("MaxHeapFreeRatio");
        try {
            RestingHeap onThisJvm = new RestingHeap(new RestingHeap.JvmHeap() {
                @Override
                public int get(String flag) {
                    return real.get(flag);
                }

                @Override
                public void set(String flag, int percent) {
                    real.set(flag, percent);
                }

                @Override
                public void collect() {
                    collections++; // not the test JVM's System.gc()
                }
            }, () -> allocated, () -> now, PROPERTIES, published::add);
            for (int second = 0; second < 4; second++) {
                tick(MIB);
                onThisJvm.sample();
            }
            assertThat(onThisJvm.resting()).isTrue();
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
            assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("30");
        } finally {
            real.set("MaxHeapFreeRatio", max);
            real.set("MinHeapFreeRatio", min);
        }
    }

    /** A second passes, in which the JVM allocated {@code bytes}; then the scheduled sample. */
    private void second(long bytes) {
        tick(bytes);
        heap.sample();
    }

    private void tick(long bytes) {
        now += Duration.ofSeconds(1).toNanos();
        allocated += bytes;
    }
}
