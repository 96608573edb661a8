package app.soiree.console.support;

import app.soiree.api.Money;
import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.BalanceDifference;
import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.FindLedgerReplay;
import app.soiree.api.ledger.FindLedgerReplays;
import app.soiree.api.ledger.FindTrialBalance;
import app.soiree.api.ledger.FindTrialBalancePage;
import app.soiree.api.ledger.LedgerEntryPage;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.api.ledger.LedgerReplayPage;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.api.ledger.TrialBalancePage;
import app.soiree.api.ledger.TrialBalanceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * A ledger that answers the console's ledger messages on Axon's buses as the real one does, with
 * contents a test sets: a trial balance, an account's postings paged by keyset cursor, and replays
 * that advance each time they are asked about, so that a test sees a replay run to its end.
 */
public class TestLedger {

    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** Events a test replay reads, and how many more each look at it finds processed. */
    public static final long REPLAY_EVENTS = 100;
    public static final long REPLAY_STEP = 30;

    private volatile boolean balanced = true;
    private volatile List<LedgerEntryView> entries = List.of();
    private volatile boolean replaysDiffer;
    private final Map<UUID, LedgerReplayView> replays = new ConcurrentHashMap<>();
    public final List<Object> queriesReceived = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    public void reset() {
        balanced = true;
        entries = List.of();
        replaysDiffer = false;
        replays.clear();
        queriesReceived.clear();
        commandMetaData.clear();
    }

    public void unbalanced() {
        balanced = false;
    }

    public void replaysFindDifferences() {
        replaysDiffer = true;
    }

    /** {@code count} postings to {@code account}, a minute apart from {@link #T0}, alternating debits and credits. */
    public void postings(String account, int count) {
        entries = IntStream.range(0, count).mapToObj(index -> new LedgerEntryView("entry-" + index, T0.plusSeconds(60L * index), account,
                Money.of(index % 2 == 0 ? 1000 + index : -(1000 + index), "EUR"), "event-" + index, "PaymentCaptured", "system",
                "payment:" + index)).toList();
    }

    @QueryHandler
    TrialBalanceView handle(FindTrialBalance query) {
        queriesReceived.add(query);
        return new TrialBalanceView(query.asOf(), twoAccounts(), balanced);
    }

    /** Cash in, fees out: one cent short of balancing when {@link #unbalanced()} was called. */
    private List<AccountBalanceView> twoAccounts() {
        Money fees = Money.of(balanced ? 500 : 499, "EUR");
        return List.of(
                new AccountBalanceView("platform:fees", "EUR", Money.of(0, "EUR"), fees, fees.negated()),
                new AccountBalanceView("platform:stripe", "EUR", Money.of(500, "EUR"), Money.of(0, "EUR"), Money.of(500, "EUR")));
    }

    /** The same two accounts a page at a time, filtered by name; the cursor is the index of the next account. */
    @QueryHandler
    TrialBalancePage handle(FindTrialBalancePage query) {
        queriesReceived.add(query);
        String wanted = query.accountContains() == null ? "" : query.accountContains().strip().toLowerCase(java.util.Locale.ROOT);
        List<AccountBalanceView> matching = twoAccounts().stream().filter(account -> account.account().contains(wanted)).toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(matching.size(), start + Math.clamp(query.limit(), 1, 100));
        Money fees = Money.of(balanced ? 500 : 499, "EUR");
        return new TrialBalancePage(query.asOf(), matching.subList(Math.min(start, end), end), end < matching.size() ? Integer.toString(end) : null,
                List.of(new TrialBalancePage.CurrencyTotal("EUR", Money.of(500, "EUR"), fees)), balanced);
    }

    /** Keyset paging as the journal does it: the cursor is the position after the last entry given. */
    @QueryHandler
    LedgerEntryPage handle(FindAccountEntries query) {
        queriesReceived.add(query);
        List<LedgerEntryView> ofAccount = entries.stream().filter(entry -> entry.account().equals(query.account()))
                .filter(entry -> query.from() == null || !entry.occurredAt().isBefore(query.from()))
                .filter(entry -> query.to() == null || entry.occurredAt().isBefore(query.to()))
                .toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int limit = Math.clamp(query.limit(), 1, 100);
        int end = Math.min(ofAccount.size(), start + limit);
        List<LedgerEntryView> page = start >= end ? List.of() : ofAccount.subList(start, end);
        return new LedgerEntryPage(page, end < ofAccount.size() ? Integer.toString(end) : null);
    }

    @CommandHandler
    void handle(StartLedgerReplay command, MetaData metaData) {
        commandMetaData.add(metaData);
        replays.put(command.replayId(), new LedgerReplayView(command.replayId(), "RUNNING", T0, null, command.requestedBy(), 0,
                REPLAY_EVENTS, null, null, List.of()));
    }

    /** Each look finds the replay further along, until it completes. */
    @QueryHandler
    @Nullable LedgerReplayView handle(FindLedgerReplay query) {
        return replays.computeIfPresent(query.replayId(), (id, replay) -> advanced(replay));
    }

    @QueryHandler
    LedgerReplayPage handle(FindLedgerReplays query) {
        List<LedgerReplayView> newestFirst = new ArrayList<>(replays.values());
        Collections.reverse(newestFirst);
        return new LedgerReplayPage(newestFirst.stream().limit(query.limit()).toList());
    }

    private LedgerReplayView advanced(LedgerReplayView replay) {
        if (!"RUNNING".equals(replay.status())) {
            return replay;
        }
        long processed = Math.min(REPLAY_EVENTS, replay.eventsProcessed() + REPLAY_STEP);
        if (processed < REPLAY_EVENTS) {
            return new LedgerReplayView(replay.replayId(), "RUNNING", replay.startedAt(), null, replay.requestedBy(), processed,
                    REPLAY_EVENTS, null, null, List.of());
        }
        List<BalanceDifference> differences = replaysDiffer
                ? List.of(new BalanceDifference("platform:fees", "EUR", Money.of(-500, "EUR"), Money.of(-499, "EUR")))
                : List.of();
        return new LedgerReplayView(replay.replayId(), "COMPLETED", replay.startedAt(), T0.plusSeconds(5), replay.requestedBy(),
                processed, REPLAY_EVENTS, !replaysDiffer, "sha256:9f2c0e", differences);
    }
}
