package app.soiree.server.jvm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code soiree.jvm.resting-heap.*}: when the server counts as resting (allocating less than {@code quietAllocationRate}
 * a second for {@code quietFor}), the share of the heap it then keeps free, and how often at most a rest starts a
 * collection.
 */
@ConfigurationProperties("soiree.jvm.resting-heap")
record RestingHeapProperties(@DefaultValue("8MB") DataSize quietAllocationRate, @DefaultValue("2s") Duration quietFor,
                             @DefaultValue("10") int restingMinFreeRatio, @DefaultValue("30") int restingMaxFreeRatio,
                             @DefaultValue("1m") Duration collectAtMostEvery) {
}
