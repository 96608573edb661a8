package app.soiree.query.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@value #PARKED} counts events parked per processing group (tag {@code group}); {@value #PARKED_NOW}
 * is how many are parked at the moment, read from the queue when scraped. Without a meter registry
 * (no actuator) nothing is counted; the ERROR log line still says it.
 */
@Component
class ParkedEventMetrics {

    static final String PARKED = "soiree.projection.events.parked";
    static final String PARKED_NOW = "soiree.projection.events.parked.current";

    private final @Nullable MeterRegistry registry;

    ParkedEventMetrics(ObjectProvider<MeterRegistry> registry, ParkedEventRows rows) {
        this.registry = registry.getIfAvailable();
        if (this.registry != null) {
            for (String group : ParkedEventProcessing.GROUPS) {
                Gauge.builder(PARKED_NOW, () -> rows.count(group))
                        .description("Events parked now because a projection could not apply them (or they wait behind one that failed)")
                        .tag("group", group)
                        .register(this.registry);
            }
        }
    }

    void parked(String processingGroup) {
        if (registry != null) {
            Counter.builder(PARKED).description("Events a projection could not apply and parked").tag("group", processingGroup)
                    .register(registry).increment();
        }
    }
}
