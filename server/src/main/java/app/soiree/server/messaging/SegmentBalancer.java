package app.soiree.server.messaging;

import app.soiree.server.messaging.TokenStoreConfiguration.SoireeNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares split processors between the replicas that run them. Axon's tracking processors (without Axon Server's
 * load balancing) keep every segment they can claim: the first replica to start would hold all of a processor's
 * segments and a second one would idle until the first died. Every {@code soiree.processors.balance-interval}
 * each process notes, per streaming processor it runs, that it is alive ({@code processor_replicas}); a process
 * that holds more than its share of a processor's segments (segments / live replicas, rounded up) releases one for
 * a while, so that a replica with a free thread claims it. A replica that dies stops being counted, and its
 * segments' claims expire ({@code axon.eventhandling.tokenstore.claim-timeout}): the others take them over.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String node;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, SoireeNode node,
                    @Value("${soiree.processors.balance-interval:PT5S}") Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node.id();
        this.interval = interval;
    }

    void balance() {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                try {
                    balance(streaming);
                } catch (RuntimeException e) {
                    log.debug("Could not balance processor {} this time", processor.getName(), e);
                }
            }
        }
    }

    private void balance(StreamingEventProcessor processor) {
        String name = processor.getName();
        jdbc.update("""
                insert into processor_replicas (processor_name, node_id, seen_at) values (?, ?, now())
                on conflict (processor_name, node_id) do update set seen_at = now()""", name, node);
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, name);
        if (segments == null || segments <= 1) {
            return;
        }
        Integer replicas = jdbc.queryForObject("""
                select count(*) from processor_replicas
                where processor_name = ? and seen_at > now() - make_interval(secs => ?)""",
                Integer.class, name, interval.toMillis() * 3 / 1000.0);
        int share = (segments + Math.max(1, replicas == null ? 1 : replicas) - 1) / Math.max(1, replicas == null ? 1 : replicas);
        var held = processor.processingStatus().keySet();
        if (held.size() > share) {
            int released = held.stream().max(Comparator.naturalOrder()).orElseThrow();
            log.info("Processor {}: this process holds {} of {} segments, more than its share ({} with {} replicas); "
                    + "releasing segment {}", name, held.size(), segments, share, replicas, released);
            processor.releaseSegment(released, interval.toMillis() * 3, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("segment-balancer").daemon().unstarted(runnable));
        started.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.debug("Segment balancing failed this time", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
            try {
                jdbc.update("delete from processor_replicas where node_id = ?", node);
            } catch (RuntimeException e) {
                log.debug("Could not withdraw this process from processor_replicas", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        // Stops before the processors and the data source do.
        return Integer.MAX_VALUE - 100;
    }
}
