package app.soiree.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void makesVersionFourUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = RandomUuids.next();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(UUID.fromString(uuid.toString())).isEqualTo(uuid);
        }
    }

    @Test
    void threadsOnEveryStripeNeverRepeatEachOther() throws Exception {
        int threads = 40; // more threads than stripes: several share one, as a busy server's do
        int each = 5_000;
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        seen.add(RandomUuids.next());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        assertThat(seen).hasSize(threads * each);
    }

    @Test
    void usesEveryBitThatIsNotFixed() {
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        for (int i = 0; i < 1_000; i++) {
            UUID uuid = RandomUuids.next();
            mostOr |= uuid.getMostSignificantBits();
            mostAnd &= uuid.getMostSignificantBits();
            leastOr |= uuid.getLeastSignificantBits();
            leastAnd &= uuid.getLeastSignificantBits();
        }
        // only the version (4 bits) and variant (2 bits) are the same in every UUID
        assertThat(Long.bitCount(mostOr ^ mostAnd)).isEqualTo(60);
        assertThat(Long.bitCount(leastOr ^ leastAnd)).isEqualTo(62);
    }
}
