package app.soiree.bench;

import app.soiree.bench.Api.Session;
import app.soiree.bench.Samples.Sample;
import app.soiree.bench.Samples.Stats;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Issue 18's feed benchmark. U readers follow between 1 and H hosts each ({@link FeedPlan}: one host followed by
 * all, the rest Zipf-skewed), every host has published a few gatherings; then K clients read {@code GET /api/me/feed}
 * as random readers (Gatling, closed model, as the reads phase) while hosts publish new gatherings at a steady rate,
 * and a follower or two of each publishing host poll their feed every 20 ms until it shows the new gathering.
 * Measured: feed requests/s and latency against R_read, and publish-to-visible (the publish call's 200 to the first
 * feed answer of a follower that shows the gathering). Checked: every published gathering reaches its followers'
 * feeds, no page shows a gathering twice or out of order, and sampled readers' whole feeds are exactly the gatherings
 * of the hosts they follow.
 */
final class FeedPhase {

    private static final String FEED = "Feed";
    private static final int PAGE = 20;
    private static final int WATCHERS = 2;
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final Settings settings;
    private final Report report;
    private final Api api;
    private final ServerProcess server;
    private final Database database;
    private final GatlingRunner gatling;
    private final FeedPages pages;
    // Set up in run(): readers, hosts, who follows whom, and each host's published gatherings.
    private List<Session> users;
    private List<Session> hosts;
    private FeedPlan plan;
    private final Map<Integer, Set<String>> publishedBy = new ConcurrentHashMap<>();
    // What the measured window saw.
    private final ConcurrentLinkedQueue<Sample> publishAnswers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sample> visible = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> neverVisible = new ConcurrentLinkedQueue<>();
    private final AtomicLong polls = new AtomicLong();
    private final ConcurrentLinkedQueue<Sample> heaviestReads = new ConcurrentLinkedQueue<>();

    FeedPhase(Settings settings, Report report, Api api, ServerProcess server, Database database) {
        this.settings = settings;
        this.database = database;
        this.report = report;
        this.api = api;
        this.server = server;
        this.gatling = new GatlingRunner(settings.output());
        this.pages = new FeedPages(api);
    }

    /** Runs the phase with the first U of {@code registered} as readers (more are registered if there are fewer). */
    void run(List<Session> registered, Calibration.Rate rRead, BiConsumer<String, String> profile) throws Exception {
        int k = settings.concurrency();
        int count = settings.feedUsers();
        long started = System.nanoTime();
        users = new ArrayList<>(registered.subList(0, Math.min(count, registered.size())));
        int reused = users.size();
        if (users.size() < count) {
            users.addAll(api.registerGuests(count - users.size(), k));
        }
        long readersAt = System.nanoTime();
        hosts = Api.inParallel(settings.feedHosts(), k, i -> api.registerHost("Feed Host " + i));
        long hostsAt = System.nanoTime();
        plan = FeedPlan.draw(count, settings.feedHosts(), settings.feedMeanFollows(), 18);
        report.note("Feed: " + plan.describe() + ".");

        // Follows over HTTP, K at a time, as readers would.
        int[][] pairs = plan.pairs();
        List<String> states = Api.inParallel(pairs.length, k, i -> api.post("/api/users/" + hosts.get(pairs[i][1]).userId() + "/follow",
                users.get(pairs[i][0]).accessToken(), Map.of()).expect(200).json().path("state").asText());
        long followsAt = System.nanoTime();
        long following = states.stream().filter("FOLLOWING"::equals).count();
        report.check("Feed: every follow answered 200 FOLLOWING", following == pairs.length,
                "%d follows, %d FOLLOWING, others %s".formatted(pairs.length, following, states.stream().filter(s -> !s.equals("FOLLOWING")).distinct().toList()));

        // Seed gatherings, then the drafts the measured window will publish.
        int seeds = settings.feedHosts() * settings.feedGatheringsPerHost();
        Api.inParallel(seeds, k, i -> {
            int host = i % settings.feedHosts();
            String id = api.draftGathering(hosts.get(host), "Feed " + host + "." + i / settings.feedHosts(), 40, 2_000);
            api.publish(hosts.get(host), id);
            publishedBy.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).add(id);
            return id;
        });
        long seededAt = System.nanoTime();
        int publishes = settings.feedPublishRate() * settings.feedSeconds();
        int[] publishHosts = plan.publishingHosts(publishes);
        List<String> drafts = Api.inParallel(publishes, k, n -> api.draftGathering(hosts.get(publishHosts[n]), "Fresh " + n, 40, 2_000));

        // The read side catches up: every follow counted for the star, every seeded gathering in the heaviest reader's feed.
        String star = hosts.getFirst().userId();
        Waiting.until("the star's " + count + " followers on the read side", Duration.ofMinutes(10), () -> {
            JsonNode profileNow = api.get("/api/users/" + star, null).expect(200).json();
            return profileNow.path("followers").asLong(-1) >= count ? profileNow : null;
        });
        Set<String> heaviestExpected = expectedFeed(0);
        Waiting.until("reader 0's whole feed (" + heaviestExpected.size() + " gatherings)", Duration.ofMinutes(5),
                () -> pages.all(users.getFirst(), 100, null).containsAll(heaviestExpected) ? Boolean.TRUE : null);
        long caughtUpAt = System.nanoTime();
        // Every follow also plans a NEW_FOLLOWER notification (several events and deliveries each): measured while that
        // backlog is worked off, the window would measure the notification processors as much as the feed.
        long head = database.headIndex();
        List<String> behind = database.awaitProcessorsAtHead(Duration.ofMinutes(10));
        long settledAt = System.nanoTime();
        report.note("Feed: every tracking processor reached the event store's head (%,d events after the setup, %,d more appended meanwhile) %s after the read side showed the follows%s."
                .formatted(head, database.headIndex() - head, secondsSince(caughtUpAt, settledAt),
                        behind.isEmpty() ? "" : "; still behind when waiting stopped: " + behind));
        report.note(("Feed setup (not measured): %d readers (%d reused from the setup, %d registered) in %s; %d hosts in %s; %,d follows "
                + "in %s (%s over HTTP, K = %d); %d gatherings published (%d a host) in %s; %d drafts for the measured window; read side caught up %s later; "
                + "setup %s in all.").formatted(count, reused, count - reused, secondsSince(started, readersAt), hosts.size(),
                secondsSince(readersAt, hostsAt), pairs.length, secondsSince(hostsAt, followsAt),
                Benchmarks.rate(Samples.perSecond(pairs.length, (followsAt - hostsAt) / 1_000_000)), k, seeds,
                settings.feedGatheringsPerHost(), secondsSince(followsAt, seededAt), publishes, secondsSince(seededAt, caughtUpAt),
                secondsSince(started, caughtUpAt)));
        report.row(FEED, "setup: follows/s over HTTP (`POST /api/users/{id}/follow`, K clients; not a target)",
                Benchmarks.rate(Samples.perSecond(pairs.length, (followsAt - hostsAt) / 1_000_000)));

        // Warm-up (not measured): the feed's code paths compiled, as the other phases' are.
        Random random = new Random(18);
        Api.inParallel(200, k, i -> api.get("/api/me/feed?limit=" + PAGE, users.get(random.nextInt(count)).accessToken()).expect(200));

        // The measured window: Gatling reads; meanwhile publishes and their watchers, and one reader paging through.
        List<FeedSimulation.Reader> readers = new ArrayList<>();
        for (int user = 0; user < count; user++) {
            readers.add(new FeedSimulation.Reader(users.get(user).accessToken(), FeedPlan.bucket(plan.follows(user).length)));
        }
        FeedSimulation.plan = new FeedSimulation.Plan(server.baseUrl(), readers, PAGE, k, Duration.ofSeconds(settings.feedSeconds()));
        System.out.printf("Feed: %d clients for %d s on GET /api/me/feed, %d publishes/s%n", k, settings.feedSeconds(), settings.feedPublishRate());
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong traversals = new AtomicLong();
        Thread pager = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                pages.all(users.getFirst(), 50, heaviestExpected);
                traversals.incrementAndGet();
            }
        });
        Thread heaviest = Thread.ofVirtual().start(() -> {
            while (loading.get()) {
                long sent = System.currentTimeMillis();
                int status = api.get("/api/me/feed?limit=" + PAGE, users.getFirst().accessToken()).status();
                heaviestReads.add(new Sample("feed.heaviest", status, sent, System.currentTimeMillis()));
            }
        });
        Thread publisher = Thread.ofVirtual().start(() -> Deliveries.paced(settings.feedPublishRate(), Duration.ofSeconds(settings.feedSeconds()),
                n -> publishAndWatch(publishHosts[n], drafts.get(n), n)));
        profile.accept("feed", "start");
        Samples.drain();
        gatling.run(FeedSimulation.class, "Feed").ifPresent(r -> report.gatlingReport("Feed", r));
        List<Sample> samples = Samples.drain();
        loading.set(false);
        publisher.join();
        pager.join();
        heaviest.join();
        profile.accept("feed", "stop");

        List<Sample> all = new ArrayList<>(samples);
        all.addAll(heaviestReads);
        all.addAll(publishAnswers);
        all.addAll(visible);
        Benchmarks.saveSamples(settings.output(), "feed", all);
        report(samples, rRead, publishes, traversals.get());
        sweep(random);
    }

    /** Publishes a draft, then polls the feeds of up to two of the host's followers until each shows it. */
    private void publishAndWatch(int host, String gatheringId, int n) {
        long sent = System.currentTimeMillis();
        int status;
        try {
            status = api.post("/api/gatherings/" + gatheringId + "/publish", hosts.get(host).accessToken(), null).status();
        } catch (RuntimeException e) {
            status = -1;
        }
        long published = System.currentTimeMillis();
        publishAnswers.add(new Sample("publish", status, sent, published));
        if (status != 200) {
            return;
        }
        publishedBy.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).add(gatheringId);
        List<Integer> followers = new ArrayList<>(plan.followersOf(host));
        Collections.shuffle(followers, new Random(n));
        List<Thread> watchers = new ArrayList<>();
        for (int watcher : followers.subList(0, Math.min(WATCHERS, followers.size()))) {
            watchers.add(Thread.ofVirtual().start(() -> watch(watcher, gatheringId, published)));
        }
        for (Thread watcher : watchers) {
            try {
                watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void watch(int user, String gatheringId, long published) {
        long deadline = published + VISIBLE_WITHIN.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Api.Response page = api.get("/api/me/feed?limit=" + PAGE, users.get(user).accessToken());
            long answered = System.currentTimeMillis();
            polls.incrementAndGet();
            if (page.status() == 200) {
                List<String> ids = pages.checked(page.json(), "reader " + user, null);
                if (ids.contains(gatheringId)) {
                    visible.add(new Sample("visible", 200, published, answered));
                    return;
                }
            }
            Waiting.sleep(POLL_MILLIS);
        }
        neverVisible.add(gatheringId + " for reader " + user);
    }


    /** The gatherings of every host {@code user} follows, as published so far. */
    private Set<String> expectedFeed(int user) {
        Set<String> expected = new HashSet<>();
        for (int host : plan.follows(user)) {
            expected.addAll(publishedBy.getOrDefault(host, Set.of()));
        }
        return expected;
    }

    private void report(List<Sample> samples, Calibration.Rate rRead, int publishes, long traversals) {
        Stats ok = Stats.of(Samples.of(samples, s -> s.status() == 200));
        double ofReads = ok.perSecond() / rRead.perSecond();
        report.row(FEED, "`GET /api/me/feed?limit=%d`, random readers: requests/s, p50 / p95 / p99 (closed model, K = %d clients)"
                        .formatted(PAGE, settings.concurrency()), "%s, %s".formatted(Benchmarks.rate(ok.perSecond()), ok.latencies()),
                "R_read " + Benchmarks.rate(rRead.perSecond()), "%.1f %%".formatted(100 * ofReads), "p99 ≤ 50 ms", ok.count() > 0 && ok.p99() <= 50);
        for (String bucket : FeedPlan.BUCKETS) {
            Stats of = Stats.of(Samples.of(samples, s -> s.status() == 200 && s.kind().equals(bucket)));
            if (of.count() > 0) {
                report.row(FEED, "… of which readers following %s host(s): %d answers, p50 / p95 / p99 (max)".formatted(bucket.substring(5), of.count()),
                        "%s (%d ms)".formatted(of.latencies(), of.max()));
            }
        }
        Stats heaviest = Stats.of(Samples.of(List.copyOf(heaviestReads), s -> s.status() == 200));
        report.row(FEED, "… reader 0 (all %d hosts), one more client reading their first page back to back: %d answers, p50 / p95 / p99 (max)"
                .formatted(plan.hosts(), heaviest.count()), "%s (%d ms)".formatted(heaviest.latencies(), heaviest.max()));
        if (ok.count() != samples.size()) {
            report.note("Feed: %d of %d answers were not 200: %s".formatted(samples.size() - ok.count(), samples.size(), Samples.countByKind(samples)));
        }
        List<Sample> answers = List.copyOf(publishAnswers);
        Stats published = Stats.of(Samples.of(answers, s -> s.status() == 200));
        report.row(FEED, "publishes (open model): offered / answered 200 per s; answer p50 / p95 / p99",
                "%d/s / %s; %s".formatted(settings.feedPublishRate(), Benchmarks.rate(published.perSecond()), published.latencies()));
        Stats seen = Stats.of(List.copyOf(visible));
        report.row(FEED, "publish-to-visible p50 / p95 / p99 (max): publish's 200 → first feed answer of a follower showing it (%d followers watched, polled every %d ms)"
                        .formatted(seen.count(), POLL_MILLIS), "%s (%d ms)".formatted(seen.latencies(), seen.max()), "", "", "p99 ≤ 1 s",
                seen.count() > 0 && seen.p99() <= 1_000);
        report.row(FEED, "watchers' feed polls during the window (besides Gatling's reads)", "%,d".formatted(polls.get()));
        long refused = answers.stream().filter(s -> s.status() != 200).count();
        report.check("Feed: every gathering published during the load shown to its watched followers within " + VISIBLE_WITHIN.toSeconds() + " s",
                published.count() == publishes && neverVisible.isEmpty(),
                "%d publishes planned, %d answered 200 (%d not); %d follower feeds showed theirs, %d did not%s".formatted(publishes, published.count(),
                        refused, seen.count(), neverVisible.size(), neverVisible.isEmpty() ? "" : ", e.g. " + neverVisible.peek()));
        report.note("Feed: reader 0 (all %d hosts) paged through their whole feed %d times during the load (pages of 50)."
                .formatted(plan.hosts(), traversals));
    }

    /** After the load: reader 0 and 30 random readers page through their whole feeds, which must be exactly their hosts' gatherings. */
    private void sweep(Random random) {
        List<Integer> sampled = new ArrayList<>(List.of(0));
        for (int i = 0; i < 30; i++) {
            sampled.add(random.nextInt(users.size()));
        }
        List<String> wrong = new ArrayList<>();
        long items = 0;
        for (int user : sampled) {
            Set<String> expected = expectedFeed(user);
            Set<String> shown = pages.all(users.get(user), 100, null);
            items += shown.size();
            if (!shown.equals(expected)) {
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(shown);
                Set<String> extra = new HashSet<>(shown);
                extra.removeAll(expected);
                wrong.add("reader %d: %d missing, %d not theirs".formatted(user, missing.size(), extra.size()));
            }
        }
        report.check("Feed: sampled readers' whole feeds are exactly the gatherings of the hosts they follow", wrong.isEmpty(),
                "%d readers (reader 0 and 30 at random), %,d items; %s".formatted(sampled.size(), items, wrong.isEmpty() ? "all exact" : wrong));
        report.check("Feed: no page shows a gathering twice or out of order, nor repeats one across pages",
                pages.problems().isEmpty(), "%,d pages checked; %d problems%s".formatted(pages.checked(), pages.problems().size(),
                        pages.problems().isEmpty() ? "" : ", e.g. " + pages.problems().peek()));
    }

    private static String secondsSince(long fromNanos, long toNanos) {
        return Benchmarks.seconds(Duration.ofNanos(toNanos - fromNanos));
    }
}
