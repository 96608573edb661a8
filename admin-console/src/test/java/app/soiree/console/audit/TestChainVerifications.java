package app.soiree.console.audit;

import app.soiree.api.audit.ChainHeadPage;
import app.soiree.api.audit.ChainHeadView;
import app.soiree.api.audit.ChainVerificationPage;
import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.audit.FindChainHeads;
import app.soiree.api.audit.FindChainVerification;
import app.soiree.api.audit.FindChainVerifications;
import app.soiree.api.audit.StartChainVerification;
import app.soiree.api.error.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * The platform's chain verifications as the console meets them on Axon's buses: one at a time (another start is refused
 * with {@code STATE_CONFLICT}, as the query side refuses it), each further along every time it is asked about until it
 * ends intact, broken at an event a test names, or failed; and the daily chain heads a test sets.
 */
public class TestChainVerifications {

    public static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    /** Events a test verification checks, and how many more each look at it finds checked. */
    public static final long EVENTS = 90;
    public static final long STEP = 40;

    private final Map<UUID, ChainVerificationView> verifications = new ConcurrentHashMap<>();
    /** The order verifications were started in: the list answers newest first. */
    private final List<UUID> started = new CopyOnWriteArrayList<>();
    private volatile List<ChainHeadView> heads = List.of();
    private volatile @Nullable Broken breaking;
    private volatile @Nullable String failing;
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    /** How the verifications a test starts end when the chain is broken. */
    record Broken(String eventId, String how) {
    }

    public void reset() {
        verifications.clear();
        started.clear();
        heads = List.of();
        breaking = null;
        failing = null;
        commandMetaData.clear();
    }

    /** Verifications find the chain broken at this event, after checking half the events. */
    public void brokenAt(String eventId, String how) {
        breaking = new Broken(eventId, how);
    }

    /** Verifications stop half-way, for this reason. */
    public void failWith(String reason) {
        failing = reason;
    }

    /** One started by someone else, a third of the way through: a start meanwhile is refused. */
    public ChainVerificationView runningElsewhere() {
        ChainVerificationView running = new ChainVerificationView(UUID.randomUUID(), ChainVerificationView.RUNNING, T0.minusSeconds(60), null,
                "finance-elsewhere", EVENTS / 3, EVENTS, null, null, null, null);
        record(running);
        return running;
    }

    public void heads(ChainHeadView... latestFirst) {
        heads = List.of(latestFirst);
    }

    public static ChainHeadView head(LocalDate day, long chainLength, String hash) {
        return new ChainHeadView(day, chainLength, 1000 + chainLength, "event-" + chainLength, hash);
    }

    @CommandHandler
    UUID handle(StartChainVerification command, MetaData metaData) {
        if (verifications.values().stream().anyMatch(verification -> ChainVerificationView.RUNNING.equals(verification.status()))) {
            throw new CommandExecutionException("Chain verification is still running", null, ErrorCode.STATE_CONFLICT.name());
        }
        commandMetaData.add(metaData);
        record(new ChainVerificationView(command.verificationId(), ChainVerificationView.RUNNING, T0, null, command.requestedBy(), 0, EVENTS,
                null, null, null, null));
        return command.verificationId();
    }

    /** Each look finds the verification further along, until it ends. */
    @QueryHandler
    @Nullable ChainVerificationView handle(FindChainVerification query) {
        return verifications.computeIfPresent(query.verificationId(), (id, verification) -> advanced(verification));
    }

    @QueryHandler
    ChainVerificationPage handle(FindChainVerifications query) {
        List<UUID> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        return new ChainVerificationPage(newestFirst.stream().limit(query.limit()).map(verifications::get).toList());
    }

    @QueryHandler
    ChainHeadPage handle(FindChainHeads query) {
        return new ChainHeadPage(heads.stream().limit(query.limit()).toList());
    }

    private void record(ChainVerificationView verification) {
        verifications.put(verification.verificationId(), verification);
        started.add(verification.verificationId());
    }

    private ChainVerificationView advanced(ChainVerificationView verification) {
        if (!ChainVerificationView.RUNNING.equals(verification.status())) {
            return verification;
        }
        long checked = Math.min(EVENTS, verification.eventsChecked() + STEP);
        UUID id = verification.verificationId();
        Instant startedAt = verification.startedAt();
        String by = verification.requestedBy();
        Broken broken = breaking;
        String failure = failing;
        if (failure != null && checked >= EVENTS / 2) {
            return new ChainVerificationView(id, ChainVerificationView.FAILED, startedAt, T0.plusSeconds(5), by, checked, EVENTS, null, null,
                    null, failure);
        }
        if (broken != null && checked >= EVENTS / 2) {
            return new ChainVerificationView(id, ChainVerificationView.COMPLETED, startedAt, T0.plusSeconds(5), by, EVENTS / 2, EVENTS, false,
                    broken.eventId(), broken.how(), null);
        }
        if (checked < EVENTS) {
            return new ChainVerificationView(id, ChainVerificationView.RUNNING, startedAt, null, by, checked, EVENTS, null, null, null, null);
        }
        return new ChainVerificationView(id, ChainVerificationView.COMPLETED, startedAt, T0.plusSeconds(5), by, EVENTS, EVENTS, true, null,
                null, null);
    }
}
