package app.soiree.bench;

import app.soiree.bench.Api.Session;
import app.soiree.bench.Samples.Sample;
import app.soiree.bench.Samples.Stats;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * The benchmark harness, issue 8: starts the server on its embedded PostgreSQL (production durability)
 * or against a given one, calibrates that PostgreSQL, drives the hot paths with Gatling, checks that
 * what was sold and posted is exactly right, and writes {@code summary.md}. Exits 1 when a correctness
 * check fails and 2 when the harness could not run; never because a number is low.
 *
 * <p>Longer than the codebase's 300 lines on purpose: it is the run itself, phase after phase in the order
 * they run, each phase a method next to its correctness checks, so the report can be followed down the file.
 * The per-phase pieces that stand alone (calibration, Gatling, the database checks, the profiler) have their
 * own classes already.
 */
public final class Benchmarks {

    private static final String SALES = "Booking rush";

    private final Settings settings;
    private final Report report;
    private final GatlingRunner gatling;
    private ServerProcess server;
    private Database database;
    private Profiler profiler;
    private Api api;
    /** The event store's head before the warm-up: the warm-up's events are what the preloaded store is made of. */
    private long warmUpFrom;
    private ServerCpu serverCpu;
    /** Backend pids of the harness's own connections to the server's PostgreSQL: not the server's CPU. */
    private volatile java.util.Set<Long> harnessBackends = java.util.Set.of();

    private Benchmarks(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
        this.gatling = new GatlingRunner(settings.output());
    }

    public static void main(String[] args) {
        // Before Gatling reads its configuration. A rush queues thousands of requests behind one
        // gathering; a client that gave up would leave a held seat unpaid and the run undersold, so
        // every request waits for its answer (the latencies show how long that was).
        System.setProperty("gatling.http.requestTimeout", Long.toString(Duration.ofMinutes(15).toMillis()));
        System.setProperty("gatling.data.enableAnalytics", "false");
        Settings settings = Settings.fromSystemProperties();
        Report report = new Report();
        int exit;
        try {
            new Benchmarks(settings, report).run();
            exit = report.failed() ? 1 : 0;
        } catch (Throwable e) {
            e.printStackTrace();
            report.check("The harness ran to the end", false, e.toString());
            exit = 2;
        }
        Path summary = settings.output().resolve("summary.md");
        try {
            report.write(summary);
            System.out.println();
            System.out.println(Files.readString(summary));
            System.out.println("Summary written to " + summary);
        } catch (IOException e) {
            e.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        cleanOutput();
        Machine.describe(report, settings);
        server = new ServerProcess(settings);
        serverCpu = new ServerCpu(server::pid, server::postmasterPid, () -> harnessBackends);
        try {
            startAndRestart();
            database = new Database(server.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            harnessBackends = java.util.Set.of(database.backendPid());
            Machine.describeDatabase(report, database);
            profiler = new Profiler(server.pid(), settings.output());
            api = new Api(server.baseUrl());

            Baselines baselines = calibrate();
            Cast cast = setUp();
            warmUp(cast);
            if (settings.runs("preload")) {
                preloadedStore(cast, baselines);
            }
            if (settings.runs("rush") || settings.runs("ledger") || settings.runs("scale")) {
                untilTheCompilerSettles(cast);
            }
            if (settings.runs("rush")) {
                Rush rush = bookingRush(cast, baselines);
                if (settings.runs("soldout")) {
                    soldOutProbe(cast, rush);
                }
            }
            double liveEventsPerSecond = settings.runs("ledger") ? ledgerAppend(cast, baselines, Stage.DEFAULT).liveRate() : 0;
            if (settings.runs("replay")) {
                replay(cast, liveEventsPerSecond, Stage.DEFAULT);
            }
            if (settings.runs("reads")) {
                reads(cast, baselines, Stage.DEFAULT);
            }
            if (settings.runs("scale")) {
                new ScalePhase(settings, report, api, server, gatling, harness()).run(cast.host(), cast.guests());
            }
            if (settings.runs("chat")) {
                new ChatPhase(settings, report, api, server, serverCpu, database).run(cast.guests(), (window, step) -> profileStep(window, step));
            }
            if (settings.runs("feed")) {
                new FeedPhase(settings, report, api, server, database).run(cast.guests(), baselines.reads(), (window, step) -> profileStep(window, step));
            }
            idleMemory("after the load");
        } finally {
            if (database != null) {
                database.close();
            }
            Duration stopped = server.stop();
            report.row("Embedded default", "stop (SIGTERM to exited)", seconds(stopped));
            report.machine("load average at the end (1, 5, 15 min)", Machine.loadAverage());
        }
    }

    // ---- 1. the server: first start, idle memory, restart

    private void startAndRestart() throws Exception {
        String fresh = settings.embeddedDatabase() ? "fresh data directory, PostgreSQL cluster created" : "external PostgreSQL given by URL";
        server.wipeData();
        if (settings.aotCache()) {
            System.out.println("Extracting " + settings.serverJar() + " and training its AOT cache, as the Dockerfile does");
            long training = System.nanoTime();
            server.launchFrom(AotCache.build(settings, server.log()));
            report.note("AOT cache built (extracted jar and one training run that books, pays, reads and chats, as the image build does; not measured) in %s"
                    .formatted(seconds(Duration.ofNanos(System.nanoTime() - training))));
        }
        System.out.println("Starting the server (" + fresh + ") from " + settings.serverJar());
        Duration first = server.start();
        report.row("Embedded default", "first start to healthy (" + fresh + ")", seconds(first), "", "", "≤ 20 s", first.toMillis() <= 20_000);
        idleMemory("after the first start");
        if (!settings.runs("restart")) {
            return;
        }
        Duration stopped = server.stop();
        report.row("Embedded default", "stop (SIGTERM to exited)", seconds(stopped));
        Duration restart = server.start();
        report.row("Embedded default", "restart to healthy (same data directory)", seconds(restart), "", "", "≤ 10 s", restart.toMillis() <= 10_000);
        idleMemory("after the restart");
    }

    private void idleMemory(String when) {
        // Idle: nothing is sent; background pollers (tracking processors, scheduler) still run, as in production.
        ServerCpu.Reading before = serverCpu.read();
        Waiting.sleep(settings.quick() ? 3_000 : 10_000);
        ServerCpu.Usage idle = serverCpu.since(before);
        report.row("Embedded default", "server CPU at idle, " + when + " (pollers: tracking processors, scheduler)",
                "%.0f ms/s (%s)".formatted(idle.cores() * 1000, idle.describe()));
        long jvm = server.jvmResidentBytes();
        Optional<Memory.ProportionalSet> postgres = server.postgresProportionalSet();
        long total = jvm + postgres.map(Memory.ProportionalSet::bytes).orElse(0L);
        // The split says whether PostgreSQL's share is its shared buffers or what its backends keep for themselves.
        String measured = postgres.map(pg -> "%s (JVM RSS %s + PostgreSQL PSS %s: shared memory %s, its %d processes' own %s)".formatted(
                        mib(total), mib(jvm), mib(pg.bytes()), mib(pg.sharedBytes()), pg.processes(), mib(pg.bytes() - pg.sharedBytes())))
                .orElse("JVM RSS " + mib(jvm));
        report.row("Embedded default", "resident memory at idle, " + when, measured, "", "", "≤ 1 GiB", total <= 1L << 30);
    }

    // ---- 2. calibration

    record Baselines(Calibration.Rate inserts, Calibration.Rate hotRow, Calibration.Rate reads) {
    }

    private Baselines calibrate() throws Exception {
        System.out.println("Calibrating PostgreSQL with " + settings.concurrency() + " clients");
        Calibration calibration = new Calibration(database, settings.concurrency(), Duration.ofSeconds(settings.calibrationSeconds()));
        calibration.createScratchTables();
        Baselines baselines = new Baselines(calibration.inserts(), calibration.hotRow(), calibration.primaryKeyReads());
        calibration.dropScratchTables();
        String clients = " (plain JDBC, " + settings.concurrency() + " clients)";
        report.row("Calibration", "R_ins: single-row INSERT + COMMIT" + clients, perSecond(baselines.inserts()));
        report.row("Calibration", "R_hot: one-row `UPDATE … sold = sold + 1 … sold < cap` + COMMIT" + clients, perSecond(baselines.hotRow()));
        report.row("Calibration", "R_read: primary-key SELECT" + clients, perSecond(baselines.reads()));
        return baselines;
    }

    // ---- setup (not measured)

    /** Who takes part: the admin from configuration, one host, one finance clerk, the guests. */
    record Cast(Session admin, Session host, Session finance, List<Session> guests) {
    }

    private Cast setUp() throws Exception {
        startProfile("setup");
        long started = System.nanoTime();
        Session admin = api.signIn("", ServerProcess.ADMIN_EMAIL, server.adminPassword());
        Session host = api.registerHost("Benchmark Host");
        Session finance = api.staff(admin, "Benchmark Finance", "FINANCE");
        // Published gatherings for the discovery reads to list: a realistic first page, not an empty one.
        Api.inParallel(settings.gatherings(), Math.min(4, settings.concurrency()),
                i -> api.publishGathering(host, "Supper club " + i, 40, 3_000));
        Duration gatherings = Duration.ofNanos(System.nanoTime() - started);
        List<Session> guests = api.registerGuests(settings.guests(), settings.concurrency());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report.note("Setup (not measured): %d gatherings published in %s; %d guests registered and signed in in %s."
                .formatted(settings.gatherings(), seconds(gatherings), guests.size(), seconds(took.minus(gatherings))));
        stopProfile("setup");
        return new Cast(admin, host, finance, guests);
    }

    /**
     * A fresh JVM interprets and compiles every code path on its first use. The start-up rows measure
     * that cold start; the load phases measure a server that has booked, paid and read before, as a
     * production server has: a few bookings on their own gathering, paid and confirmed, and some reads.
     */
    private void warmUp(Cast cast) throws Exception {
        long started = System.nanoTime();
        warmUpFrom = database.headIndex();
        int bookings = Math.min(settings.warmupBookings(), cast.guests().size());
        Api.Tier tier = api.publishGathering(cast.host(), "Warm-up", bookings, 1_000);
        List<Session> guests = cast.guests().subList(cast.guests().size() - bookings, cast.guests().size());
        Api.inParallel(bookings, settings.concurrency(), i -> {
            Session guest = guests.get(i);
            JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                    Map.of("gatheringId", tier.gatheringId(), "tierId", tier.tierId(), "quantity", 1)).expect(201).json();
            return api.post("/api/dev/payments/" + booking.get("payment").get("paymentId").asText() + "/outcome", guest.accessToken(),
                    Map.of("outcome", "succeeded")).expect(202);
        });
        long confirmed = Waiting.untilCount(bookings, Duration.ofSeconds(120), () -> database.countEvents(tier.gatheringId(), "SeatsConfirmed"));
        Api.inParallel(200, settings.concurrency(), i -> i % 2 == 0
                ? api.get("/api/gatherings", null).expect(200)
                : api.get("/api/me/wallet", cast.host().accessToken()).expect(200));
        WarmUpRush rush = warmUpLoadGenerator(cast);
        report.note(("Warm-up (not measured): %d bookings held, paid and %d confirmed, and 200 reads; a rush of %d guests for %d seats "
                + "through Gatling; in %s.").formatted(bookings, confirmed, rush.guests(), rush.seats(),
                seconds(Duration.ofNanos(System.nanoTime() - started))));
    }

    /**
     * The load generator is warmed too. Gatling runs in this JVM and compiles its own code (its engine, HTTP client and
     * checks) on its first run: left to the measured rush, that took 1.2-1.5 of the machine's two cores in the rush's
     * first seconds, exactly when the holds come in (measured 2026-12-06), and the server's answers waited for it. A small
     * rush on a gathering of its own through the same simulation, not measured; its guests book again in the rush, for
     * another gathering.
     *
     * @return how many guests it sent for how many seats
     */
    private WarmUpRush warmUpLoadGenerator(Cast cast) throws Exception {
        int guests = Math.min(500, cast.guests().size());
        int seats = Math.max(1, guests / 10);
        Api.Tier tier = api.publishGathering(cast.host(), "Warm-up rush", seats, 1_000);
        planRush(tier, cast.guests().subList(0, guests), Duration.ofSeconds(2));
        gatling.run(BookingRushSimulation.class, "Warm-up rush");
        Samples.drain();
        Waiting.untilCount(seats, Duration.ofSeconds(120), () -> database.countEvents(tier.gatheringId(), "SeatsConfirmed"));
        return new WarmUpRush(guests, seats);
    }

    private record WarmUpRush(int guests, int seats) {
    }

    /**
     * The next {@link BookingRushSimulation}: {@code guests.size()} arrivals over {@code arrivals}, booking a seat of
     * {@code tier} each, in the order of the list.
     */
    private void planRush(Api.Tier tier, List<Session> guests, Duration arrivals) {
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        guests.forEach(guest -> tokens.add(guest.accessToken()));
        BookingRushSimulation.plan = new BookingRushSimulation.Plan(server.baseUrl(), tier.gatheringId(), tier.tierId(), tokens,
                guests.size(), arrivals);
    }

    /**
     * Rushes like the measured one, each on a gathering of its own, until the JIT compiler has settled
     * ({@link CompilerWarmUp}). The warm-up above runs every path once or a few hundred times, too few for HotSpot's
     * optimising compiler: on a fresh server the compiler threads were still at work through the measured rush, a quarter
     * to a third of the server JVM's CPU in it (measured 2026-12-06 from the JVM's threads). A round is the measured rush's
     * guests for its seats, paid at once, and the downstream work it sets off.
     */
    private void untilTheCompilerSettles(Cast cast) throws Exception {
        CompilerWarmUp.Result warm = CompilerWarmUp.run(serverCpu, settings.warmupRounds(), settings.compilerSettled(), round -> {
            String name = "Warm-up rush " + round;
            Api.Tier tier = api.publishGathering(cast.host(), name, settings.seats(), 2_500);
            planRush(tier, cast.guests(), Duration.ofSeconds(settings.rushSeconds()));
            gatling.run(BookingRushSimulation.class, name);
            Samples.drain();
            Waiting.untilCount(Math.min(settings.guests(), settings.seats()), Duration.ofSeconds(120),
                    () -> database.countEvents(tier.gatheringId(), "SeatsConfirmed"));
            settle(name + "'s downstream work is counted");
        });
        if (!warm.shares().isEmpty()) {
            report.row("Embedded default", "the JIT compiler's share of the server JVM's CPU in each warm-up rush (not measured; %d guests for %d seats each)"
                    .formatted(settings.guests(), settings.seats()), warm.describe(settings.compilerSettled()));
            report.note("Warm-up rushes (not measured): %d in %s; they end after one in which the JIT compiler used at most %s of the server JVM's CPU (%s) or after %d."
                    .formatted(warm.shares().size(), seconds(warm.took()), percent(settings.compilerSettled()),
                            warm.settled() ? "reached" : "not reached", settings.warmupRounds()));
        }
    }

    // ---- 2b. the ledger and the reads on a preloaded event store (issue 14)

    /** How the processors left to work through the generated events did: {@code events} is how many they went through. */
    record CatchUp(Duration took, long events, double perSecond, ServerCpu.Usage cpu, List<String> behind) {
    }

    record StoreTier(int target, long storedBefore, Optional<EventStoreGenerator.Generated> generated, Duration start, Optional<CatchUp> catchUp,
                     LedgerResult ledger, List<ReadResult> reads, Optional<ReplayResult> replay) {
    }

    /**
     * For each size in {@code preloadEvents}: stops the server, grows its event store to that many events with
     * {@link EventStoreGenerator} (copies of the warm-up's events), starts it again, waits until the processors left to
     * catch up ({@code preloadCatchUp}: the ledger must be, or the replay would find events the live ledger skipped) have
     * worked through the copies, then runs the ledger append and the reads; at the largest size also the ledger replay.
     */
    private void preloadedStore(Cast cast, Baselines baselines) throws Exception {
        if (!settings.embeddedDatabase()) {
            report.note("Preload skipped: it starts the embedded PostgreSQL alone while the server is stopped, and this run uses " + settings.jdbcUrl());
            return;
        }
        // The window to copy ends where the warm-up's downstream work (notifications, earnings, conversation) does.
        settle("the preloaded store's templates are read", Duration.ofMinutes(5));
        long warmUpTo = database.headIndex();
        EventStoreGenerator[] generator = new EventStoreGenerator[1];
        List<StoreTier> tiers = new ArrayList<>();
        List<Integer> targets = settings.preloadEvents();
        for (int i = 0; i < targets.size(); i++) {
            int target = targets.get(i);
            Stage stage = Stage.storedEvents(target);
            long storedBefore = database.countAllEvents();
            Optional<EventStoreGenerator.Generated> generated = Optional.empty();
            Duration start = Duration.ZERO;
            Optional<CatchUp> catchUp = Optional.empty();
            if (storedBefore < target) {
                settle("the server is stopped to preload " + target + " events", Duration.ofMinutes(5));
                System.out.printf("Preload: stopping the server to grow its event store from %,d to %,d events%n", storedBefore, target);
                server.stop();
                database.close();
                List<String> moved = new ArrayList<>();
                EventStoreGenerator.Generated appended = server.withPostgresAlone(settings.jdbcUser(), settings.jdbcPassword(), connection -> {
                    if (generator[0] == null) {
                        generator[0] = EventStoreGenerator.fromWindow(connection, warmUpFrom, warmUpTo);
                    }
                    EventStoreGenerator.Generated events = generator[0].append(connection, target - storedBefore);
                    moved.addAll(generator[0].moveProcessorsToHead(connection, events.lastIndex(), settings.preloadCatchUp()));
                    return events;
                });
                generated = Optional.of(appended);
                System.out.printf("Preload: %,d events appended in %s (%,.0f/s); %d processors moved past them; starting the server%n",
                        appended.events(), seconds(appended.took()), appended.perSecond(), moved.size());
                start = server.start();
                reconnect();
                catchUp = Optional.of(catchUp(appended));
                storeChecks(target, appended, catchUp.get());
            } else {
                report.note("Preload %,d: the store already held %,d events (set-up and earlier phases); nothing generated.".formatted(target, storedBefore));
            }
            LedgerResult ledger = ledgerAppend(cast, baselines, stage);
            List<ReadResult> reads = reads(cast, baselines, stage);
            Optional<ReplayResult> replay = i == targets.size() - 1 ? replay(cast, ledger.liveRate(), stage) : Optional.empty();
            tiers.add(new StoreTier(target, storedBefore, generated, start, catchUp, ledger, reads, replay));
        }
        summariseStore(tiers, generator[0]);
    }

    /** After a restart: the server's PostgreSQL is a new process, so is the harness's connection to it and its backend. */
    private void reconnect() throws Exception {
        database = new Database(server.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        harnessBackends = java.util.Set.of(database.backendPid());
        profiler = new Profiler(server.pid(), settings.output());
    }

    private CatchUp catchUp(EventStoreGenerator.Generated generated) {
        ServerCpu.Reading cpuBefore = serverCpu.read();
        long started = System.nanoTime();
        long from = settings.preloadCatchUp().stream().map(database::processorPosition).flatMap(Optional::stream)
                .min(Long::compare).orElse(generated.firstIndex() - 1);
        System.out.printf("Preload: %s working through the generated events from position %,d%n", settings.preloadCatchUp(), from);
        List<String> behind = database.awaitProcessorsAtHead(Duration.ofMinutes(90));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long events = database.countEventsBetween(from, database.headIndex());
        return new CatchUp(took, events, Samples.perSecond(events, took.toMillis()), serverCpu.since(cpuBefore), behind);
    }

    /** What the processors made of the copies: they must all have got through, and those that caught up must show them. */
    private void storeChecks(int target, EventStoreGenerator.Generated generated, CatchUp catchUp) {
        String name = "Preload %,d".formatted(target);
        report.check(name + ": every tracking processor worked through the generated events to the head", catchUp.behind().isEmpty(),
                catchUp.behind().isEmpty() ? "%,d events in %s after the start".formatted(catchUp.events(), seconds(catchUp.took()))
                        : "still behind after %s: %s".formatted(seconds(catchUp.took()), catchUp.behind()));
        if (settings.preloadCatchUp().contains("ledger")) {
            long money = database.moneyEventsBetween(generated.firstIndex(), generated.lastIndex());
            long journalled = database.journalledEventsBetween(generated.firstIndex(), generated.lastIndex());
            report.check(name + ": the live ledger journalled every generated money event", money > 0 && journalled == money,
                    "%,d generated events with postings, %,d of them in ledger_entries".formatted(money, journalled));
        }
        if (settings.preloadCatchUp().contains("gatherings")) {
            long[] gatherings = database.gatheringsCreatedAndProjectedBetween(generated.firstIndex(), generated.lastIndex());
            report.check(name + ": the gatherings read model shows every generated gathering", gatherings[0] > 0 && gatherings[1] == gatherings[0],
                    "%,d generated GatheringCreated, %,d of them in the gatherings table".formatted(gatherings[0], gatherings[1]));
        }
    }

    private void summariseStore(List<StoreTier> tiers, EventStoreGenerator generator) {
        List<String> header = new ArrayList<>(List.of("metric"));
        tiers.forEach(tier -> header.add("%,d events".formatted(tier.target())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(storeRow("events stored before", tiers, t -> "%,d".formatted(t.storedBefore())));
        rows.add(storeRow("generated: events in time (events/s), payloads", tiers, t -> t.generated().map(g -> "%,d in %s (%,.0f/s), %s"
                .formatted(g.events(), seconds(g.took()), g.perSecond(), ScalePhase.bytes(g.payloadBytes()))).orElse("–")));
        rows.add(storeRow("server start to healthy on it", tiers, t -> t.generated().isPresent() ? seconds(t.start()) : "–"));
        rows.add(storeRow("catch-up of " + String.join(", ", settings.preloadCatchUp()) + ": time after healthy, events/s", tiers,
                t -> t.catchUp().map(c -> "%s, %s (%,d events)".formatted(seconds(c.took()), rate(c.perSecond()), c.events())).orElse("–")));
        rows.add(storeRow("… server CPU per event caught up", tiers, t -> t.catchUp().map(c -> "%.3f ms".formatted(c.cpu().millisPer(c.events()))).orElse("–")));
        rows.add(storeRow("**captured payments/s** (share of R_ins)", tiers, t -> "%s (%s)".formatted(rate(t.ledger().capturesPerSecond()), percent(t.ledger().ofInserts()))));
        rows.add(storeRow("outcome answers (202) p50 / p95 / p99", tiers, t -> t.ledger().outcomes().latencies()));
        rows.add(storeRow("server CPU per captured payment", tiers, t -> millis(t.ledger().cpu().millisPer(t.ledger().captured()))));
        rows.add(storeRow("live `ledger` processing until every capture was journalled", tiers, t -> rate(t.ledger().liveRate())));
        for (int read = 0; read < tiers.getFirst().reads().size(); read++) {
            int which = read;
            rows.add(storeRow(tiers.getFirst().reads().get(read).name() + ": requests/s, p99, server CPU per request", tiers, t -> {
                ReadResult result = t.reads().get(which);
                return "%s, %d ms, %s".formatted(rate(result.ok().perSecond()), result.ok().p99(), millis(result.cpu().millisPer(result.answers())));
            }));
        }
        rows.add(storeRow("**ledger replay**: events/s (events, time), server CPU per event", tiers, t -> t.replay().map(r -> "%s (%,d in %s), %.3f ms"
                .formatted(rate(r.perSecond()), r.processed(), seconds(r.took()), r.cpu().millisPer(r.processed()))).orElse("–")));
        String copied = generator == null ? "Nothing was generated."
                : "Generated events are copies of the warm-up's %,d events (positions %,d–%,d; %s), each copy with fresh ids for what the window created%s."
                .formatted(generator.window().events(), generator.window().fromExclusive() + 1, generator.window().toInclusive(), generator.window().byType(),
                        generator.window().skipped() > 0 ? "; %d events of aggregates older than the window not copied".formatted(generator.window().skipped()) : "");
        report.section("Preloaded event store (issue 14)", copied + " Processors moved past the copies: all but " + settings.preloadCatchUp()
                + ", which worked through them.\n\n" + Report.table(header, rows));

        StoreTier smallest = tiers.getFirst();
        StoreTier largest = tiers.getLast();
        if (tiers.size() > 1 && smallest.ledger().capturesPerSecond() > 0) {
            double ratio = largest.ledger().capturesPerSecond() / smallest.ledger().capturesPerSecond();
            report.row("Preloaded store", "captured payments/s with %,d stored events ÷ with %,d".formatted(largest.target(), smallest.target()),
                    "%s ÷ %s".formatted(rate(largest.ledger().capturesPerSecond()), rate(smallest.ledger().capturesPerSecond())), "",
                    percent(ratio), "≥ 80 % (within 20 %)", ratio >= 0.8);
        }
        largest.replay().ifPresent(replay -> report.row("Preloaded store", "ledger replay of the %,d-event store: events/s".formatted(largest.target()),
                "%s (%,d events in %s)".formatted(rate(replay.perSecond()), replay.processed(), seconds(replay.took()))));
    }

    private static List<String> storeRow(String metric, List<StoreTier> tiers, java.util.function.Function<StoreTier, String> cell) {
        List<String> row = new ArrayList<>(List.of(metric));
        tiers.forEach(tier -> row.add(cell.apply(tier)));
        return row;
    }

    // ---- 3. booking rush

    /** {@code cpu}: the server's CPU for the whole rush, with its downstream work, for {@code confirmed} bookings and {@code soldOutAnswers} refusals. */
    record Rush(String gatheringId, String tierId, List<Session> guestsWithoutSeats, double confirmedPerSecond,
                ServerCpu.Usage cpu, long confirmed, int soldOutAnswers) {
    }

    private Rush bookingRush(Cast cast, Baselines baselines) throws Exception {
        int expectedSold = Math.min(settings.guests(), settings.seats());
        Api.Tier tier = api.publishGathering(cast.host(), "The rush", settings.seats(), 2_500);
        planRush(tier, cast.guests(), Duration.ofSeconds(settings.rushSeconds()));

        System.out.printf("Booking rush: %d guests over %d s for %d seats%n", settings.guests(), settings.rushSeconds(), settings.seats());
        settle("the booking rush");
        if (settings.statementStatistics()) {
            database.resetStatementStatistics();
        }
        ServerCpu.Reading cpuBefore = serverCpu.read();
        startProfile("rush");
        Samples.drain();
        HarnessCpu harnessCpu = HarnessCpu.start();
        gatling.run(BookingRushSimulation.class, "Booking rush").ifPresent(r -> report.gatlingReport("Booking rush", r));
        harnessCpu.close();
        List<Sample> samples = Samples.drain();
        // Payment outcomes are applied asynchronously: wait for the seats to be confirmed in the event store.
        long confirmed = Waiting.untilCount(expectedSold, Duration.ofSeconds(60),
                () -> database.countEvents(tier.gatheringId(), "SeatsConfirmed"));
        ServerCpu.Usage cpuToConfirmation = serverCpu.since(cpuBefore);
        stopProfile("rush");
        // What the rush set off downstream (projections, notifications, earnings) is part of what it cost.
        settle("the booking rush's downstream work is counted");
        ServerCpu.Usage cpu = serverCpu.since(cpuBefore);
        if (settings.statementStatistics()) {
            Files.write(settings.output().resolve("statements-rush.txt"), database.statementStatistics());
        }
        saveSamples("rush", samples);

        List<Sample> bookings = Samples.of(samples, s -> s.kind().startsWith("booking."));
        List<Sample> held = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_HELD));
        List<Sample> soldOut = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_SOLD_OUT));
        List<Sample> other = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_OTHER));
        long rushStart = bookings.stream().mapToLong(Sample::startMillis).min().orElse(0);
        Instant lastConfirmation = database.eventTimes(tier.gatheringId(), "SeatsConfirmed").stream().max(Instant::compareTo).orElse(Instant.EPOCH);
        double confirmedPerSecond = Samples.perSecond(confirmed, lastConfirmation.toEpochMilli() - rushStart);
        Stats holdStats = Stats.of(held);
        Stats soldOutStats = Stats.of(soldOut);
        Stats payStats = Stats.of(Samples.of(samples, s -> s.kind().equals("pay")));

        double ofHot = confirmedPerSecond / baselines.hotRow().perSecond();
        report.row(SALES, "confirmed holds/s (first request to last SeatsConfirmed)", rate(confirmedPerSecond),
                "R_hot " + rate(baselines.hotRow().perSecond()), percent(ofHot), "≥ 15 % of R_hot", ofHot >= 0.15);
        report.row(SALES, "hold answers (201) p50 / p95 / p99", holdStats.latencies(), "", "", "p99 ≤ 500 ms", holdStats.count() > 0 && holdStats.p99() <= 500);
        report.row(SALES, "SOLD_OUT answers (422) during the rush p50 / p95 / p99", soldOutStats.latencies(), "", "", "p99 ≤ 250 ms",
                soldOutStats.count() > 0 && soldOutStats.p99() <= 250);
        report.row(SALES, "SOLD_OUT answers/s during the rush (bounded by arrivals)", rate(soldOutStats.perSecond()));
        report.row(SALES, "payment outcome answers (202) p50 / p95 / p99", payStats.latencies());
        report.row(SALES, "answers", Samples.countByKind(samples).toString());
        long lastAnswer = samples.stream().mapToLong(Sample::endMillis).max().orElse(rushStart);
        report.row(SALES, "the load generator's own CPU from the first request to the last answer (Gatling and the harness, one JVM on the same cores)",
                harnessCpu.describe(rushStart, lastAnswer));
        double cpuPerConfirmed = cpu.millisPer(confirmed);
        report.row(SALES, "server CPU per confirmed booking: the whole rush (%d 201 and %d SOLD_OUT answers, payments, until every processor was at the head) ÷ %d confirmed"
                        .formatted(held.size(), soldOut.size(), confirmed), millis(cpuPerConfirmed), cpu.describe(), "", "≤ 5 ms",
                confirmed > 0 && cpuPerConfirmed <= 5);
        report.row(SALES, "… the same until the last SeatsConfirmed (downstream work not yet done), ÷ confirmed / ÷ 201 answers",
                "%s / %s".formatted(millis(cpuToConfirmation.millisPer(confirmed)), millis(cpuToConfirmation.millisPer(held.size()))),
                cpuToConfirmation.describe(), "", "", null);
        report.row(SALES, "server CPU per booking answer of the rush (201 or 422, all %d)".formatted(bookings.size()),
                millis(cpu.millisPer(bookings.size())));

        long seatsHeld = database.countEvents(tier.gatheringId(), "SeatsHeld");
        report.check("Rush: exactly C seats sold (event store)", confirmed == expectedSold && seatsHeld == expectedSold && held.size() == expectedSold,
                "expected %d; SeatsConfirmed %d, SeatsHeld %d, 201 answers %d, SOLD_OUT answers %d"
                        .formatted(expectedSold, confirmed, seatsHeld, held.size(), soldOut.size()));
        long unexpected = other.stream().filter(s -> s.status() != -1).count();
        long unanswered = other.size() - unexpected;
        report.check("Rush: every booking answered with a hold or SOLD_OUT", unexpected == 0,
                "%d other answers %s; %d without an answer (client timeout or refused connection)"
                        .formatted(unexpected, Samples.countByKind(other.stream().filter(s -> s.status() != -1).toList()), unanswered));
        readSideAgrees(tier, expectedSold);

        return new Rush(tier.gatheringId(), tier.tierId(), guestsWithoutSeats(cast, tier), confirmedPerSecond, cpu, confirmed, soldOut.size());
    }

    /** The projections catch up: the tier shows the seats left and the bookings read model has C confirmed. */
    private void readSideAgrees(Api.Tier tier, int expectedSold) {
        checkReadSide("Rush: the read side agrees", api, database, report, tier, settings.seats() - expectedSold, expectedSold,
                Duration.ofSeconds(60));
    }

    /**
     * Waits up to {@code within} for the read side to show {@code expectedAvailable} seats left in the tier (the API) and
     * {@code expectedConfirmed} CONFIRMED bookings of its gathering (the bookings read model), then reports the check.
     */
    static void checkReadSide(String check, Api api, Database database, Report report, Api.Tier tier, int expectedAvailable,
                              long expectedConfirmed, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int available = -1;
        long confirmedBookings = -1;
        while (System.nanoTime() < deadline) {
            JsonNode gathering = api.get("/api/gatherings/" + tier.gatheringId(), null).expect(200).json();
            available = gathering.get("tiers").get(0).get("available").asInt();
            confirmedBookings = database.bookingsWithStatus(tier.gatheringId(), "CONFIRMED");
            if (available == expectedAvailable && confirmedBookings == expectedConfirmed) {
                break;
            }
            Waiting.sleep(250);
        }
        report.check(check, available == expectedAvailable && confirmedBookings == expectedConfirmed,
                "API available seats %d (expected %d), CONFIRMED bookings in the projection %d (expected %d)"
                        .formatted(available, expectedAvailable, confirmedBookings, expectedConfirmed));
    }

    /** Guests who hold nothing for this gathering: the sold-out probe asks with their tokens. */
    private List<Session> guestsWithoutSeats(Cast cast, Api.Tier tier) {
        java.util.Set<String> seated = new java.util.HashSet<>(database.guestsWithBookings(tier.gatheringId()));
        return cast.guests().stream().filter(guest -> !seated.contains(guest.userId())).toList();
    }

    // ---- 3b. sold-out answers at saturation

    private void soldOutProbe(Cast cast, Rush rush) throws Exception {
        if (rush.guestsWithoutSeats().isEmpty()) {
            report.note("Sold-out probe skipped: every guest got a seat (N ≤ C).");
            return;
        }
        long eventsBefore = database.countEvents(rush.gatheringId());
        long headBefore = database.headIndex();
        SoldOutSimulation.plan = new SoldOutSimulation.Plan(server.baseUrl(), rush.gatheringId(), rush.tierId(),
                rush.guestsWithoutSeats().stream().map(Session::accessToken).toList(), settings.concurrency(),
                Duration.ofSeconds(settings.soldOutSeconds()));
        System.out.printf("Sold-out probe: %d clients for %d s%n", settings.concurrency(), settings.soldOutSeconds());
        Samples.drain();
        // The rush's downstream work was waited out before its own reading ended: this window holds the refusals alone.
        ServerCpu.Reading cpuBefore = serverCpu.read();
        startProfile("soldout");
        gatling.run(SoldOutSimulation.class, "SOLD_OUT answers, closed model").ifPresent(r -> report.gatlingReport("Sold-out probe", r));
        ServerCpu.Usage cpu = serverCpu.since(cpuBefore);
        stopProfile("soldout");
        List<Sample> samples = Samples.drain();
        saveSamples("sold-out", samples);
        Stats soldOut = Stats.of(Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_SOLD_OUT)));
        double multiple = rush.confirmedPerSecond() == 0 ? 0 : soldOut.perSecond() / rush.confirmedPerSecond();
        report.row(SALES, "SOLD_OUT answers/s at saturation (closed model, K clients)", rate(soldOut.perSecond()),
                "confirmed holds/s " + rate(rush.confirmedPerSecond()), "%.1f×".formatted(multiple), "≥ 5× the hold rate", multiple >= 5);
        report.row(SALES, "SOLD_OUT answers at saturation p50 / p95 / p99", soldOut.latencies());
        double cpuPerSoldOut = cpu.millisPer(soldOut.count());
        report.row(SALES, "server CPU per SOLD_OUT answer at saturation (÷ %d SOLD_OUT of %d answers)".formatted(soldOut.count(), samples.size()),
                millis(cpuPerSoldOut), cpu.describe(), "", "≤ 1 ms", soldOut.count() > 0 && cpuPerSoldOut <= 1);
        if (rush.confirmed() > 0 && soldOut.count() > 0) {
            // An estimate, and labelled so: refusals in the rush met a gathering still selling, not one known sold out.
            double holdsOwn = (rush.cpu().total().toNanos() / 1e6 - rush.soldOutAnswers() * cpuPerSoldOut) / rush.confirmed();
            report.row(SALES, "… per confirmed booking without the rush's %d refusals, at the saturation cost each (estimate)"
                    .formatted(rush.soldOutAnswers()), millis(holdsOwn));
        }
        long eventsAfter = database.countEvents(rush.gatheringId());
        report.check("Sold-out answers write no event", eventsAfter == eventsBefore && soldOut.count() == samples.size(),
                "%d SOLD_OUT answers of %d; the gathering's events %d before, %d after; events appended anywhere meanwhile: %d"
                        .formatted(soldOut.count(), samples.size(), eventsBefore, eventsAfter, database.countEventsAfter(headBefore)));
    }

    /**
     * Which run of a phase this is: the default one, or one of several over a growing event store, whose rows, checks,
     * samples and profiles carry the stage's name.
     */
    record Stage(String suffix, String fileSuffix) {
        static final Stage DEFAULT = new Stage("", "");

        static Stage storedEvents(long events) {
            return new Stage(" (%,d stored events)".formatted(events), "-" + events + "-events");
        }
    }

    // ---- 4. ledger append

    /**
     * {@code liveRate}: events/s the ledger processor went through until every capture was journalled; {@code cpu}: the
     * server's, from the first outcome until every processor was at the head again.
     */
    record LedgerResult(double capturesPerSecond, double ofInserts, Stats outcomes, double liveRate, ServerCpu.Usage cpu, long captured) {
    }

    private LedgerResult ledgerAppend(Cast cast, Baselines baselines, Stage stage) throws Exception {
        String section = "Ledger" + stage.suffix();
        int payments = Math.min(settings.ledgerPayments(), settings.guests());
        if (payments < settings.ledgerPayments()) {
            report.note("Ledger payments limited to " + payments + ": one booking per guest and gathering.");
        }
        Api.Tier tier = api.publishGathering(cast.host(), "The ledger dinner" + stage.suffix(), payments, 4_200);
        long setupStarted = System.nanoTime();
        List<PaymentCaptureSimulation.Payment> held = Api.inParallel(payments, settings.concurrency(), i -> {
            Session guest = cast.guests().get(i);
            JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                    Map.of("gatheringId", tier.gatheringId(), "tierId", tier.tierId(), "quantity", 1)).expect(201).json();
            return new PaymentCaptureSimulation.Payment(booking.get("payment").get("paymentId").asText(), guest.accessToken());
        });
        double holdsPerSecond = Samples.perSecond(payments, Duration.ofNanos(System.nanoTime() - setupStarted).toMillis());
        report.row(stage == Stage.DEFAULT ? SALES : section, "holds/s without a rush (ledger setup: K clients, one seat each, nobody sold out)",
                rate(holdsPerSecond));

        settle("the ledger append (the holds' downstream work)");
        long head = database.headIndex();
        Optional<Long> positionBefore = database.processorPosition("ledger");
        PaymentCaptureSimulation.plan = new PaymentCaptureSimulation.Plan(server.baseUrl(), new ConcurrentLinkedQueue<>(held), settings.concurrency());
        System.out.printf("Ledger append: %d payments, %d clients%n", payments, settings.concurrency());
        ServerCpu.Reading cpuBefore = serverCpu.read();
        startProfile("ledger" + stage.fileSuffix());
        Samples.drain();
        gatling.run(PaymentCaptureSimulation.class, "Payments captured" + stage.suffix())
                .ifPresent(r -> report.gatlingReport("Ledger append" + stage.suffix(), r));
        List<Sample> samples = Samples.drain();
        long captured = Waiting.untilCount(payments, Duration.ofSeconds(60), () -> database.countEventsAfter(head, "PaymentCaptured"));
        long journalled = Waiting.untilCount(payments, Duration.ofSeconds(60), () -> database.journalledCapturesAfter(head));
        long journalledAt = System.currentTimeMillis();
        Optional<Long> positionAfter = database.processorPosition("ledger");
        stopProfile("ledger" + stage.fileSuffix());
        settle("the captures' downstream work is counted");
        ServerCpu.Usage cpu = serverCpu.since(cpuBefore);
        saveSamples("ledger" + stage.fileSuffix(), samples);

        long firstRequest = samples.stream().mapToLong(Sample::startMillis).min().orElse(journalledAt);
        Instant lastCapture = database.eventTimesAfter(head, "PaymentCaptured").stream().max(Instant::compareTo).orElse(Instant.EPOCH);
        double capturesPerSecond = Samples.perSecond(captured, lastCapture.toEpochMilli() - firstRequest);
        double ofInserts = capturesPerSecond / baselines.inserts().perSecond();
        report.row(section, "captured payments/s (first outcome request to last PaymentCaptured)", rate(capturesPerSecond),
                "R_ins " + rate(baselines.inserts().perSecond()), percent(ofInserts), "≥ 10 % of R_ins", ofInserts >= 0.10);
        report.row(section, "outcome answers (202) p50 / p95 / p99", Stats.of(samples).latencies());
        report.row(section, "server CPU per captured payment (outcomes, captures, journal and every processor, until all were at the head)",
                millis(cpu.millisPer(captured)), cpu.describe(), "", "", null);
        // The live ledger processor reads every event of the stream, not only those that move money.
        double liveRate = 0;
        if (positionBefore.isPresent() && positionAfter.isPresent()) {
            long processed = database.countEventsBetween(positionBefore.get(), positionAfter.get());
            liveRate = Samples.perSecond(processed, journalledAt - firstRequest);
            report.row(section, "live processing: events/s the `ledger` processor went through (%d events) until every capture was journalled"
                    .formatted(processed), rate(liveRate));
        } else {
            report.note("The ledger processor's position could not be read from token_entry; the live processing rate is unknown.");
        }

        long unbalanced = database.unbalancedCapturesAfter(head);
        report.check(section + ": every payment captured once, with balanced postings", captured == payments && journalled == payments && unbalanced == 0,
                "%d payments paid; PaymentCaptured events %d, captures in the journal %d, unbalanced %d"
                        .formatted(payments, captured, journalled, unbalanced));
        Api.Response trialBalance = api.get("/api/finance/ledger/trial-balance", cast.finance().accessToken());
        boolean balanced = trialBalance.status() == 200 && trialBalance.json().path("balanced").asBoolean(false);
        report.check(section + ": the trial balance balances", balanced, "GET /api/finance/ledger/trial-balance → " + trialBalance.status()
                + (trialBalance.status() == 200 ? ", balanced=" + trialBalance.json().path("balanced") : ""));
        return new LedgerResult(capturesPerSecond, ofInserts, Stats.of(samples), liveRate, cpu, captured);
    }

    // ---- 5. projection replay

    /** {@code cpu}: the server's, from the replay's request until it was seen completed. */
    record ReplayResult(long processed, Duration took, double perSecond, ServerCpu.Usage cpu) {
    }

    private Optional<ReplayResult> replay(Cast cast, double liveEventsPerSecond, Stage stage) {
        String section = "Replay" + stage.suffix();
        ServerCpu.Reading cpuBefore = serverCpu.read();
        Api.Response started = api.postOnce("/api/finance/ledger/replays", cast.finance().accessToken(), Map.of());
        if (started.status() == 404 || started.status() == 405) {
            report.row(section, "ledger replay from the first event", "skipped: endpoint not available (" + started.status() + ")",
                    "live " + rate(liveEventsPerSecond), "", "≥ 10× the live rate", null);
            report.note("POST /api/finance/ledger/replays answered " + started.status() + ": this build has no ledger replay yet, so the replay was not measured.");
            return Optional.empty();
        }
        started.expect(200, 201, 202);
        String replayId = started.json().get("replayId").asText();
        long clockStart = System.currentTimeMillis();
        System.out.println("Ledger replay " + replayId);
        // Ten minutes, and a minute more per 100,000 stored events: a preloaded store is read twice (counted, then replayed).
        Duration patience = Duration.ofMinutes(10 + database.headIndex() / 100_000);
        JsonNode state = Waiting.until("ledger replay " + replayId, patience, () -> {
            Api.Response now = api.get("/api/finance/ledger/replays/" + replayId, cast.finance().accessToken());
            if (now.status() == 404) {
                return null; // its read model has not caught up with the start yet
            }
            String status = now.expect(200).json().path("status").asText();
            return status.equals("COMPLETED") || status.equals("FAILED") ? now.json() : null;
        });
        long clockEnd = System.currentTimeMillis();
        ServerCpu.Usage cpu = serverCpu.since(cpuBefore);
        long processed = state.path("eventsProcessed").asLong();
        long millis = state.hasNonNull("startedAt") && state.hasNonNull("finishedAt")
                ? Duration.between(Instant.parse(state.get("startedAt").asText()), Instant.parse(state.get("finishedAt").asText())).toMillis()
                : clockEnd - clockStart;
        double perSecond = Samples.perSecond(processed, millis);
        double multiple = liveEventsPerSecond == 0 ? 0 : perSecond / liveEventsPerSecond;
        String metric = "ledger replay from the first event: events/s (%d events in %s)".formatted(processed, seconds(Duration.ofMillis(millis)));
        if (liveEventsPerSecond > 0) {
            report.row(section, metric, rate(perSecond), "live " + rate(liveEventsPerSecond), "%.1f×".formatted(multiple), "≥ 10× the live rate", multiple >= 10);
        } else {
            report.row(section, metric, rate(perSecond), "live rate not measured", "", "≥ 10× the live rate", null);
        }
        report.row(section, "server CPU per replayed event (from the request until it was seen completed)",
                "%.3f ms".formatted(cpu.millisPer(processed)), cpu.describe(), "", "", null);
        boolean matches = state.path("status").asText().equals("COMPLETED") && state.path("matches").asBoolean(false);
        report.check(section + ": rebuilt ledger matches the live one", matches, "status %s, matches %s, events %d of %s, differences %s"
                .formatted(state.path("status").asText(), state.path("matches"), processed, state.path("eventsTotal"), state.path("differences")));
        return Optional.of(new ReplayResult(processed, Duration.ofMillis(millis), perSecond, cpu));
    }

    // ---- 6. reads

    record ReadResult(String name, Stats ok, double ofReads, ServerCpu.Usage cpu, int answers) {
    }

    private List<ReadResult> reads(Cast cast, Baselines baselines, Stage stage) throws Exception {
        settle("the reads");
        return List.of(read("GET /api/gatherings", "/api/gatherings", null, baselines, stage),
                read("GET /api/me/wallet", "/api/me/wallet", cast.host().accessToken(), baselines, stage));
    }

    private ReadResult read(String name, String path, String token, Baselines baselines, Stage stage) throws Exception {
        String section = "Reads" + stage.suffix();
        ReadsSimulation.plan = new ReadsSimulation.Plan(server.baseUrl(), name, path, token, settings.concurrency(),
                Duration.ofSeconds(settings.readSeconds()));
        System.out.printf("Reads: %s, %d clients for %d s%n", name, settings.concurrency(), settings.readSeconds());
        String phase = "reads-" + path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + stage.fileSuffix();
        ServerCpu.Reading cpuBefore = serverCpu.read();
        startProfile(phase);
        Samples.drain();
        gatling.run(ReadsSimulation.class, name + stage.suffix()).ifPresent(r -> report.gatlingReport(name + stage.suffix(), r));
        List<Sample> samples = Samples.drain();
        ServerCpu.Usage cpu = serverCpu.since(cpuBefore);
        stopProfile(phase);
        saveSamples(phase, samples);
        Stats ok = Stats.of(Samples.of(samples, s -> s.status() == 200));
        double ofReads = ok.perSecond() / baselines.reads().perSecond();
        report.row(section, name + ": requests/s, p99 (closed model, K clients)", "%s, p99 %d ms".formatted(rate(ok.perSecond()), ok.p99()),
                "R_read " + rate(baselines.reads().perSecond()), percent(ofReads), "≥ 10 % of R_read at p99 ≤ 50 ms",
                ofReads >= 0.10 && ok.p99() <= 50);
        report.row(section, name + ": server CPU per request", millis(cpu.millisPer(samples.size())), cpu.describe(), "", "", null);
        if (ok.count() != samples.size()) {
            report.note("%s%s: %d of %d answers were not 200: %s".formatted(name, stage.suffix(), samples.size() - ok.count(), samples.size(),
                    Samples.countByKind(samples)));
        }
        return new ReadResult(name, ok, ofReads, cpu, samples.size());
    }

    // ---- helpers

    /**
     * Waits until every tracking processor has reached the event store's head, so that a CPU reading around a phase
     * neither includes what an earlier phase set off nor ends before its own downstream work is done. Bounded: a
     * processor that stays behind is reported, and the reading then says so by its size.
     */
    private void settle(String before) {
        settle(before, Duration.ofMinutes(settings.quick() ? 1 : 3));
    }

    private void settle(String before, Duration max) {
        long started = System.nanoTime();
        List<String> behind = database.awaitProcessorsAtHead(max);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!behind.isEmpty()) {
            report.note("Before %s: tracking processors still behind the head after %s: %s".formatted(before, seconds(took), behind));
        } else if (took.toMillis() >= 1_000) {
            report.note("Before %s: every tracking processor reached the event store's head in %s.".formatted(before, seconds(took)));
        }
    }

    /** Results of an earlier run must not mix with this one's: reports, profiles, samples, logs, data. */
    private void cleanOutput() throws IOException {
        Path output = settings.output();
        if (Files.exists(output)) {
            boolean ours = Stream.of("summary.md", "server.log", "data", "gatling").anyMatch(name -> Files.exists(output.resolve(name)));
            try (Stream<Path> entries = Files.list(output)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new IllegalStateException(output + " is not empty and holds no earlier benchmark output: choose another -Dbenchmarks.output");
                }
            }
            try (Stream<Path> files = Files.walk(output)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!file.equals(output)) {
                        Files.delete(file);
                    }
                }
            }
        }
        Files.createDirectories(output);
    }

    private void startProfile(String phase) throws IOException, InterruptedException {
        if (settings.jfr()) {
            profiler.start(phase);
        }
    }

    private void stopProfile(String phase) throws IOException, InterruptedException {
        if (settings.jfr()) {
            report.profile(phase, profiler.stop(phase));
        }
    }

    /** What phases in classes of their own need of this run. */
    private ScalePhase.Harness harness() {
        return new ScalePhase.Harness() {
            @Override
            public Database database() {
                return database;
            }

            @Override
            public ServerCpu serverCpu() {
                return serverCpu;
            }

            @Override
            public void settle(String before, Duration max) {
                Benchmarks.this.settle(before, max);
            }

            @Override
            public void profile(String phase, String step) {
                profileStep(phase, step);
            }

            @Override
            public void saveSamples(String phase, Collection<Sample> samples) throws IOException {
                Benchmarks.this.saveSamples(phase, samples);
            }
        };
    }

    /** For phases in classes of their own: "start" or "stop" the profile of {@code phase}. */
    private void profileStep(String phase, String step) {
        try {
            if (step.equals("start")) {
                startProfile(phase);
            } else {
                stopProfile(phase);
            }
        } catch (IOException | InterruptedException e) {
            report.note("Profile of " + phase + " failed: " + e);
        }
    }

    private void saveSamples(String phase, Collection<Sample> samples) throws IOException {
        saveSamples(settings.output(), phase, samples);
    }

    /** Every answer of a phase as {@code samples/<phase>.csv} under {@code output}. */
    static void saveSamples(Path output, String phase, Collection<Sample> samples) throws IOException {
        Path file = output.resolve("samples").resolve(phase + ".csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("kind,status,start_ms,end_ms,latency_ms\n");
        samples.forEach(s -> csv.append(s.kind()).append(',').append(s.status()).append(',').append(s.startMillis()).append(',')
                .append(s.endMillis()).append(',').append(s.latencyMillis()).append('\n'));
        Files.writeString(file, csv);
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    static String millis(double millis) {
        return Double.isNaN(millis) ? "–" : millis >= 10 ? "%.0f ms".formatted(millis) : "%.2f ms".formatted(millis);
    }

    static String mib(long bytes) {
        return "%d MiB".formatted(bytes >> 20);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? "%,.0f/s".formatted(perSecond) : "%.1f/s".formatted(perSecond);
    }

    static String perSecond(Calibration.Rate rate) {
        return "%s (p50 %.2f ms, p99 %.2f ms)".formatted(rate(rate.perSecond()), rate.p50Micros() / 1000.0, rate.p99Micros() / 1000.0);
    }

    static String percent(double ratio) {
        return "%.0f %%".formatted(100 * ratio);
    }
}
