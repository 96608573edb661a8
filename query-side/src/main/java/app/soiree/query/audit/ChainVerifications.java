package app.soiree.query.audit;

import app.soiree.api.audit.ChainVerificationPage;
import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.audit.FindChainVerification;
import app.soiree.api.audit.FindChainVerifications;
import app.soiree.api.audit.StartChainVerification;
import app.soiree.api.error.SoireeException;
import app.soiree.query.paging.PageLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts verifications of the hash chain and answers what they found, the way ledger replays are run:
 * one at a time across all replicas (the database decides; another meanwhile is refused with
 * {@code STATE_CONFLICT}), on this component's single worker thread, with its progress in its row for
 * the API and the console to follow. A verification whose process stopped (a crash, a redeploy) stops
 * beating and is marked FAILED ("interrupted") once its heartbeat is older than
 * {@code soiree.audit.chain-verification.stale-after}, checked at start-up and whenever verifications
 * are started or read. It is not resumed: a verification that starts again from the first event leaves
 * no doubt about what it covered.
 */
@Component
class ChainVerifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifications.class);

    private final EventStore events;
    private final ObjectProvider<Configuration> axon;
    private final ChainStore chain;
    private final StoredPositions positions;
    private final ChainVerificationStore store;
    private final ChainVerificationProperties properties;
    private final Clock clock;
    /** One worker; the queue holds a second run only for the moment the first one's thread needs to return after it finished. */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
            runnable -> Thread.ofPlatform().name("chain-verification").daemon().unstarted(runnable));

    ChainVerifications(EventStore events, ObjectProvider<Configuration> axon, ChainStore chain, StoredPositions positions,
                       ChainVerificationStore store, ChainVerificationProperties properties, Clock clock) {
        this.events = events;
        this.axon = axon;
        this.chain = chain;
        this.positions = positions;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starting with an id that already has a verification changes nothing and answers that id again. */
    @CommandHandler
    UUID handle(StartChainVerification command) {
        failAbandoned();
        UUID verificationId = command.verificationId();
        if (store.exists(verificationId)) {
            return verificationId;
        }
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            throw new IllegalStateException("The chain is verified with the event store's serializer, and Axon is not configured here");
        }
        long headPosition = headPosition();
        if (!store.insertRunning(verificationId, command.requestedBy(), clock.instant(), headPosition)) {
            throw SoireeException.conflict(store.running()
                    .map(running -> "Chain verification " + running + " is still running; start another once it has finished")
                    .orElse("Another chain verification was started at the same moment; try again"));
        }
        ChainVerificationRun run = new ChainVerificationRun(verificationId, headPosition, events, configuration.eventSerializer(), chain, positions, store,
                properties, clock);
        try {
            worker.execute(run::run);
        } catch (RejectedExecutionException busy) {
            store.fail(verificationId, clock.instant(), "not started: the verification worker was busy");
            throw SoireeException.conflict("The verification worker is still busy; try again");
        }
        log.info("Chain verification {} started by {} up to position {}", verificationId, command.requestedBy(), headPosition);
        return verificationId;
    }

    @QueryHandler
    @Nullable ChainVerificationView handle(FindChainVerification query) {
        failAbandoned();
        return store.find(query.verificationId()).orElse(null);
    }

    @QueryHandler
    ChainVerificationPage handle(FindChainVerifications query) {
        failAbandoned();
        return new ChainVerificationPage(store.latest(PageLimit.clamped(query.limit())));
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandonedAtStartUp() {
        int abandoned = failAbandoned();
        if (abandoned > 0) {
            log.warn("{} chain verification(s) were interrupted when their process stopped; marked FAILED", abandoned);
        }
    }

    private int failAbandoned() {
        Instant now = clock.instant();
        return store.failAbandoned(now.minus(properties.staleAfter()), now);
    }

    /** The position of the last event in the stream now; -1 when there is none. */
    private long headPosition() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** A running verification is interrupted and records that; it has a few seconds to do so. */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("A chain verification did not stop in time; it will be marked interrupted once its heartbeat is stale");
        }
    }
}
