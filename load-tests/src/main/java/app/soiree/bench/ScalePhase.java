package app.soiree.bench;

import app.soiree.bench.Api.Session;
import app.soiree.bench.Samples.Sample;
import app.soiree.bench.Samples.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Issue 14's scale phase: does selling a seat cost more as the gathering fills? The booking rush on tiers of 300, 3,000
 * and 30,000 seats ({@code scaleSeats}), each its own gathering, every guest booking {@code scaleSeatsPerBooking} seats
 * and paying at once; the same guests book in every tier (the server lets a guest hold one booking per gathering, and
 * the harness's address is exempt from the unpaid-hold limits, so a guest's earlier tiers do not count against the next).
 * Each tier runs closed-model (K guests in flight, {@link ScaleRushSimulation}) from the first seat to the last, and then
 * a few more guests than seats ask, who must be told SOLD_OUT.
 *
 * <p>Per tier, side by side: confirmed holds/s and how it moved from the first tenth of the holds to the last, 201
 * latencies, the server's CPU per seat (process tree, {@link ServerCpu}), the gathering's latest snapshot (Axon's
 * {@code snapshot_event_entry}: a gathering's snapshot holds every booking, so it grows with them) and the time to load
 * the gathering cold. The load is timed from outside: a booking for 100 seats (more than a booking may hold) is refused
 * by the gathering itself with VALIDATION_FAILED, and a command that throws rolls its unit of work back, which takes the
 * gathering out of Axon's cache; the next SOLD_OUT request, sent after the server's one-second sold-out memory has
 * lapsed so that it reaches the gathering, must load it again from its snapshot and the events after it. Its latency
 * less that of the same request with the gathering cached (the next one, again a second later) is the load. The store's
 * share of that load (reading the snapshot and the tail over JDBC, nothing deserialised) is timed as well.
 */
final class ScalePhase {

    private static final String SCALE = "Scale";
    /** More seats than a booking may hold (soiree.booking.max-seats-per-booking, 10), within what the API accepts (100). */
    private static final int EVICTING_QUANTITY = 100;
    /** Longer than soiree.booking.sold-out-memory (1 s), so that a SOLD_OUT request reaches the gathering again. */
    private static final long PAST_SOLD_OUT_MEMORY_MILLIS = 1_200;
    private static final int LOAD_WARMUP_CYCLES = 2;
    private static final int LOAD_CYCLES = 10;
    private static final Duration SETTLE = Duration.ofMinutes(5);

    /** What the phase needs of the run around it. */
    interface Harness {
        Database database();

        ServerCpu serverCpu();

        /** Waits until every tracking processor is at the event store's head, at most {@code max}. */
        void settle(String before, Duration max);

        void profile(String phase, String step);

        void saveSamples(String phase, Collection<Sample> samples) throws Exception;
    }

    record LoadTime(long coldMillis, long warmMillis, int cycles, String problem) {
        long loadMillis() {
            return coldMillis - warmMillis;
        }
    }

    /**
     * {@code holdsPerSecond}: 201 answers from the first request to the last 201, the gathering's own pace;
     * {@code confirmedPerSecond}: to the last SeatsConfirmed, which trails by the payment saga's backlog.
     */
    record TierResult(int seats, int bookings, int extras, long seatsConfirmed, double holdsPerSecond, double confirmedPerSecond, double firstTenthPerSecond,
                      double lastTenthPerSecond, Stats holds, Stats soldOut, ServerCpu.Usage cpu, long events,
                      Optional<Database.Snapshot> snapshot, LoadTime load, Database.AggregateRead storeRead) {
    }

    private final Settings settings;
    private final Report report;
    private final Api api;
    private final ServerProcess server;
    private final GatlingRunner gatling;
    private final Harness harness;

    ScalePhase(Settings settings, Report report, Api api, ServerProcess server, GatlingRunner gatling, Harness harness) {
        this.settings = settings;
        this.report = report;
        this.api = api;
        this.server = server;
        this.gatling = gatling;
        this.harness = harness;
    }

    void run(Session host, List<Session> registered) throws Exception {
        int perBooking = settings.scaleSeatsPerBooking();
        int largest = settings.scaleSeats().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int guestsNeeded = bookingsFor(largest) + extrasFor(bookingsFor(largest));
        List<Session> guests = new ArrayList<>(registered.subList(0, Math.min(guestsNeeded, registered.size())));
        if (guests.size() < guestsNeeded) {
            long started = System.nanoTime();
            int missing = guestsNeeded - guests.size();
            System.out.printf("Scale: registering %d more guests%n", missing);
            guests.addAll(api.registerGuests(missing, settings.concurrency()));
            report.note("Scale setup (not measured): %d more guests registered and signed in in %s, %d in all."
                    .formatted(missing, Benchmarks.seconds(Duration.ofNanos(System.nanoTime() - started)), guests.size()));
        }
        // Every sign-up is an event the projections work through; the first tier must not pay for them.
        harness.settle("the scale phase (the guests' sign-ups)", Duration.ofMinutes(15));

        List<TierResult> results = new ArrayList<>();
        for (int seats : settings.scaleSeats()) {
            if (seats % perBooking != 0) {
                throw new IllegalArgumentException("-Dbenchmarks.scaleSeats: " + seats + " seats do not divide into bookings of " + perBooking);
            }
            results.add(tier(host, guests, seats));
        }
        summarise(results);
    }

    private int bookingsFor(int seats) {
        return seats / settings.scaleSeatsPerBooking();
    }

    /** Guests beyond the seats: they must be refused, and one of them asks for the cold loads. */
    private static int extrasFor(int bookings) {
        return Math.max(20, bookings / 100);
    }

    private TierResult tier(Session host, List<Session> guests, int seats) throws Exception {
        int perBooking = settings.scaleSeatsPerBooking();
        int bookings = bookingsFor(seats);
        int extras = extrasFor(bookings);
        Api.Tier tier = api.publishGathering(host, "Scale " + seats, seats, 2_000);
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        guests.subList(0, bookings + extras).forEach(guest -> tokens.add(guest.accessToken()));
        ScaleRushSimulation.plan = new ScaleRushSimulation.Plan(server.baseUrl(), tier.gatheringId(), tier.tierId(), perBooking, tokens,
                settings.concurrency());
        String phase = "scale-" + seats;
        System.out.printf("Scale: %d seats, %d guests booking %d each, then %d more, %d at a time%n", seats, bookings, perBooking, extras,
                settings.concurrency());

        harness.settle("the scale tier of " + seats + " seats", SETTLE);
        ServerCpu.Reading cpuBefore = harness.serverCpu().read();
        harness.profile(phase, "start");
        Samples.drain();
        gatling.run(ScaleRushSimulation.class, "Scale: " + seats + " seats").ifPresent(r -> report.gatlingReport("Scale " + seats, r));
        List<Sample> samples = Samples.drain();
        Database database = harness.database();
        long confirmed = Waiting.untilCount(bookings, Duration.ofSeconds(120), () -> database.countEvents(tier.gatheringId(), "SeatsConfirmed"));
        harness.profile(phase, "stop");
        harness.settle("the scale tier's downstream work is counted", SETTLE);
        ServerCpu.Usage cpu = harness.serverCpu().since(cpuBefore);
        harness.saveSamples(phase, samples);

        List<Sample> held = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_HELD));
        List<Sample> soldOut = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_SOLD_OUT));
        List<Sample> other = Samples.of(samples, s -> s.kind().equals(SimulationSupport.BOOKING_OTHER));
        long firstRequest = samples.stream().mapToLong(Sample::startMillis).min().orElse(0);
        long lastConfirmation = database.eventTimes(tier.gatheringId(), "SeatsConfirmed").stream().mapToLong(java.time.Instant::toEpochMilli)
                .max().orElse(firstRequest);
        double confirmedPerSecond = Samples.perSecond(confirmed, lastConfirmation - firstRequest);
        long[] heldAt = held.stream().mapToLong(Sample::endMillis).sorted().toArray();
        double holdsPerSecond = heldAt.length == 0 ? 0 : Samples.perSecond(heldAt.length, heldAt[heldAt.length - 1] - firstRequest);

        long seatsHeld = database.seatsInEvents(tier.gatheringId(), "SeatsHeld");
        long seatsConfirmed = database.seatsInEvents(tier.gatheringId(), "SeatsConfirmed");
        report.check("Scale %d: exactly the tier's seats held and confirmed, none oversold (event store)".formatted(seats),
                seatsHeld == seats && seatsConfirmed == seats && confirmed == bookings && held.size() == bookings,
                "%d seats in %d bookings of %d; seats held %d, seats confirmed %d in %d SeatsConfirmed events; 201 answers %d, SOLD_OUT %d"
                        .formatted(seats, bookings, perBooking, seatsHeld, seatsConfirmed, confirmed, held.size(), soldOut.size()));
        report.check("Scale %d: every booking answered with a hold or SOLD_OUT".formatted(seats), other.isEmpty() && held.size() + soldOut.size() == bookings + extras,
                "%d guests asked; 201 %d, SOLD_OUT %d, other %s".formatted(bookings + extras, held.size(), soldOut.size(), Samples.countByKind(other)));
        // The projections caught up: the tier shows no seat left and the bookings read model has every booking confirmed.
        Benchmarks.checkReadSide("Scale %d: the read side agrees".formatted(seats), api, database, report, tier, 0, bookings,
                Duration.ofSeconds(120));

        LoadTime load = withoutBooking(tier, guests.subList(0, bookings + extras)).map(asker -> coldLoad(tier, asker))
                .orElse(new LoadTime(0, 0, 0, "every guest who asked holds a booking"));
        Database.AggregateRead storeRead = median(3, () -> database.readAggregate(tier.gatheringId()), read -> read.took().toNanos());
        return new TierResult(seats, bookings, extras, seatsConfirmed, holdsPerSecond, confirmedPerSecond,
                tenthRate(heldAt, firstRequest, true), tenthRate(heldAt, firstRequest, false), Stats.of(held), Stats.of(soldOut), cpu,
                database.countEvents(tier.gatheringId()), database.latestSnapshot(tier.gatheringId()), load, storeRead);
    }

    /** A guest who asked and was refused: their SOLD_OUT requests reach the gathering's seat count, not their own booking. */
    private Optional<Session> withoutBooking(Api.Tier tier, List<Session> askers) {
        java.util.Set<String> booked = new java.util.HashSet<>(harness.database().guestsWithBookings(tier.gatheringId()));
        return askers.reversed().stream().filter(guest -> !booked.contains(guest.userId())).findFirst();
    }

    /** Holds/s over the first tenth of the holds (from the first request), or over the last tenth. */
    private static double tenthRate(long[] heldAt, long firstRequest, boolean first) {
        int tenth = heldAt.length / 10;
        if (tenth < 2) {
            return Double.NaN;
        }
        return first ? Samples.perSecond(tenth, heldAt[tenth - 1] - firstRequest)
                : Samples.perSecond(tenth, heldAt[heldAt.length - 1] - heldAt[heldAt.length - 1 - tenth]);
    }

    /**
     * Cold load against warm, in cycles: evict the gathering (a refused 100-seat booking), wait out the sold-out memory,
     * time a SOLD_OUT request (the gathering is loaded from the store), wait again, time the same request (it is cached).
     * The first cycles warm the load path's code and are not counted; the medians of the rest are reported.
     */
    private LoadTime coldLoad(Api.Tier tier, Session asker) {
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int cycle = 0; cycle < LOAD_WARMUP_CYCLES + LOAD_CYCLES; cycle++) {
            Api.Response evicted = book(tier, asker, EVICTING_QUANTITY);
            if (!"VALIDATION_FAILED".equals(code(evicted))) {
                return new LoadTime(0, 0, 0, "the %d-seat booking was answered %d %s, not VALIDATION_FAILED: the gathering could not be evicted, so the load was not timed"
                        .formatted(EVICTING_QUANTITY, evicted.status(), code(evicted)));
            }
            Waiting.sleep(PAST_SOLD_OUT_MEMORY_MILLIS);
            long coldMillis = timedSoldOut(tier, asker);
            Waiting.sleep(PAST_SOLD_OUT_MEMORY_MILLIS);
            long warmMillis = timedSoldOut(tier, asker);
            if (coldMillis < 0 || warmMillis < 0) {
                return new LoadTime(0, 0, 0, "a request for one seat of the sold-out tier was not answered SOLD_OUT");
            }
            if (cycle >= LOAD_WARMUP_CYCLES) {
                cold.add(coldMillis);
                warm.add(warmMillis);
            }
        }
        return new LoadTime(Samples.percentile(cold.stream().mapToLong(Long::longValue).sorted().toArray(), 50),
                Samples.percentile(warm.stream().mapToLong(Long::longValue).sorted().toArray(), 50), cold.size(), null);
    }

    /** Milliseconds to a SOLD_OUT answer for one seat, or -1 for any other answer. */
    private long timedSoldOut(Api.Tier tier, Session asker) {
        long started = System.nanoTime();
        Api.Response answer = book(tier, asker, 1);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return answer.status() == 422 && "SOLD_OUT".equals(code(answer)) ? millis : -1;
    }

    private Api.Response book(Api.Tier tier, Session guest, int quantity) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", tier.gatheringId(), "tierId", tier.tierId(),
                "quantity", quantity));
    }

    private static String code(Api.Response response) {
        try {
            return response.json().path("code").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T median(int times, java.util.function.Supplier<T> measure, Function<T, Long> by) {
        List<T> values = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            values.add(measure.get());
        }
        values.sort(java.util.Comparator.comparing(by));
        return values.get(values.size() / 2);
    }

    // ---- the report

    private void summarise(List<TierResult> tiers) {
        List<String> header = new ArrayList<>(List.of("metric"));
        tiers.forEach(tier -> header.add("%,d seats".formatted(tier.seats())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("bookings (seats each) + guests told SOLD_OUT", tiers, t -> "%,d (%d) + %d".formatted(t.bookings(), settings.scaleSeatsPerBooking(), t.extras())));
        rows.add(row("**holds/s** (201 answers, first request to last 201)", tiers, t -> Benchmarks.rate(t.holdsPerSecond())));
        rows.add(row("confirmed holds/s (first request to last SeatsConfirmed: the payment saga's pace)", tiers,
                t -> Benchmarks.rate(t.confirmedPerSecond())));
        rows.add(row("holds/s over the first tenth of the holds → the last tenth", tiers,
                t -> "%s → %s".formatted(rateOrDash(t.firstTenthPerSecond()), rateOrDash(t.lastTenthPerSecond()))));
        rows.add(row("201 answers p50 / p95 / p99", tiers, t -> t.holds().latencies()));
        rows.add(row("SOLD_OUT answers after the last seat p50 / p99", tiers, t -> t.soldOut().count() == 0 ? "–"
                : "%d / %d ms".formatted(t.soldOut().p50(), t.soldOut().p99())));
        rows.add(row("**server CPU per seat** (JVM + PostgreSQL, until every processor was at the head)", tiers,
                t -> Benchmarks.millis(t.cpu().millisPer(t.seatsConfirmed()))));
        rows.add(row("server CPU per booking", tiers, t -> Benchmarks.millis(t.cpu().millisPer(t.bookings()))));
        rows.add(row("… per seat, of which PostgreSQL", tiers, t -> Benchmarks.millis(t.cpu().postgres().toNanos() / 1e6 / Math.max(1, t.seatsConfirmed()))));
        rows.add(row("server CPU in all", tiers, t -> t.cpu().describe()));
        rows.add(row("events of the gathering", tiers, t -> "%,d".formatted(t.events())));
        rows.add(row("**latest snapshot**: payload size (taken at event)", tiers, t -> t.snapshot()
                .map(s -> "%s (#%,d)".formatted(bytes(s.payloadBytes()), s.sequenceNumber())).orElse("none")));
        rows.add(row("**cold load** (SOLD_OUT request, gathering evicted − cached; medians of %d)".formatted(LOAD_CYCLES), tiers,
                t -> t.load().problem() != null ? "not timed" : "%d ms (%d − %d ms)".formatted(t.load().loadMillis(), t.load().coldMillis(), t.load().warmMillis())));
        rows.add(row("store's share: snapshot + tail read over JDBC (median of 3)", tiers, t -> "%.1f ms (%s + %d events, %s)".formatted(
                t.storeRead().took().toNanos() / 1e6, bytes(t.storeRead().snapshotBytes()), t.storeRead().tailEvents(), bytes(t.storeRead().tailBytes()))));
        report.section("Scale: the rush as the gathering grows (issue 14)",
                "Closed model, K = %d guests in flight, each booking %d seat(s) and paying at once; one gathering per tier; the same guests in every tier.\n\n"
                        .formatted(settings.concurrency(), settings.scaleSeatsPerBooking()) + Report.table(header, rows));
        tiers.stream().filter(t -> t.load().problem() != null)
                .forEach(t -> report.note("Scale %d: cold load not timed: %s".formatted(t.seats(), t.load().problem())));

        for (TierResult tier : tiers) {
            report.row(SCALE, "%,d seats: holds/s; confirmed/s; server CPU per seat; snapshot; cold load".formatted(tier.seats()),
                    "%s; %s; %s; %s; %s".formatted(Benchmarks.rate(tier.holdsPerSecond()), Benchmarks.rate(tier.confirmedPerSecond()),
                            Benchmarks.millis(tier.cpu().millisPer(tier.seatsConfirmed())),
                            tier.snapshot().map(s -> bytes(s.payloadBytes())).orElse("none"),
                            tier.load().problem() != null ? "not timed" : tier.load().loadMillis() + " ms"));
        }
        TierResult smallest = tiers.getFirst();
        TierResult largest = tiers.getLast();
        if (tiers.size() > 1 && smallest.holdsPerSecond() > 0) {
            double ratio = largest.holdsPerSecond() / smallest.holdsPerSecond();
            report.row(SCALE, "holds/s (201 answers) at %,d seats ÷ at %,d seats".formatted(largest.seats(), smallest.seats()),
                    "%s ÷ %s".formatted(Benchmarks.rate(largest.holdsPerSecond()), Benchmarks.rate(smallest.holdsPerSecond())), "",
                    Benchmarks.percent(ratio), "≥ 80 % (within 20 %)", ratio >= 0.8);
            report.row(SCALE, "confirmed holds/s at %,d seats ÷ at %,d seats".formatted(largest.seats(), smallest.seats()),
                    "%s ÷ %s".formatted(Benchmarks.rate(largest.confirmedPerSecond()), Benchmarks.rate(smallest.confirmedPerSecond())), "",
                    Benchmarks.percent(largest.confirmedPerSecond() / smallest.confirmedPerSecond()), "", null);
            double cpuRatio = largest.cpu().millisPer(largest.seatsConfirmed()) / smallest.cpu().millisPer(smallest.seatsConfirmed());
            report.row(SCALE, "server CPU per seat at %,d seats ÷ at %,d seats".formatted(largest.seats(), smallest.seats()),
                    "", "", Benchmarks.percent(cpuRatio), "", null);
        }
    }

    private static List<String> row(String metric, List<TierResult> tiers, Function<TierResult, String> cell) {
        List<String> row = new ArrayList<>(List.of(metric));
        tiers.forEach(tier -> row.add(cell.apply(tier)));
        return row;
    }

    private static String rateOrDash(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : Benchmarks.rate(perSecond);
    }

    static String bytes(long bytes) {
        return bytes >= 1 << 20 ? "%.1f MiB".formatted(bytes / 1048576.0) : bytes >= 1 << 10 ? "%.1f KiB".formatted(bytes / 1024.0) : bytes + " B";
    }
}
