package app.soiree.bench;

import app.soiree.bench.Api.Session;
import app.soiree.bench.Samples.Sample;
import app.soiree.bench.Samples.Stats;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * Issue 15's chat benchmark. U users, each with one socket, split into GROUP conversations of 10–50
 * (every user in exactly one, its first member the owner); then messages are posted over REST at a
 * steady rate (open model) and every member's socket must receive each one exactly once. Measured:
 * deliveries/s, post-to-delivery latency (REST send to socket receipt, one clock: the harness's),
 * lost and duplicated deliveries, and the server's resident memory with the sockets connected and idle.
 * The same pattern over a plain WebSocket echo ({@link EchoBaseline}) is the baseline, R_echo.
 */
final class ChatPhase {

    private static final String CHAT = "Chat";

    private final Settings settings;
    private final Report report;
    private final Api api;
    private final ServerProcess server;
    private final ServerCpu serverCpu;
    private final Database database;
    // Set once at the start of run(): who takes part, which conversation each is in, and its id on the server.
    private List<Session> users;
    private List<List<Integer>> groups;
    private String[] conversationIds;

    ChatPhase(Settings settings, Report report, Api api, ServerProcess server, ServerCpu serverCpu, Database database) {
        this.settings = settings;
        this.report = report;
        this.api = api;
        this.server = server;
        this.serverCpu = serverCpu;
        this.database = database;
    }

    /**
     * Runs the phase with the first U of {@code registered} (more are registered if there are fewer).
     * {@code profile} starts ("start") and stops ("stop") the server's profile of a window: "chat" around
     * the posting at the offered rate, "chat-capacity" around the capacity window.
     */
    void run(List<Session> registered, BiConsumer<String, String> profile) throws Exception {
        int count = settings.chatUsers();
        users = new ArrayList<>(registered.subList(0, Math.min(count, registered.size())));
        if (users.size() < count) {
            users.addAll(api.registerGuests(count - users.size(), settings.concurrency()));
        }
        groups = Deliveries.conversations(count);
        int rate = settings.chatRate();
        Duration duration = Duration.ofSeconds(settings.chatSeconds());
        double meanMembers = (double) count / groups.size();
        report.note("Chat: %d users in %d conversations of 10–50 members (mean %.1f); %d messages/s for %d s, each to every member's socket (the sender's too)."
                .formatted(count, groups.size(), meanMembers, rate, duration.toSeconds()));

        // 1. The baseline, while the server idles: the same sockets, conversations and messages over a plain echo.
        Deliveries.Result echoCapacity;
        Deliveries.Result echoPaced;
        System.out.printf("Chat: echo baseline, %d sockets%n", count);
        try (EchoBaseline echo = new EchoBaseline(settings.output().resolve("echo"), groups, count)) {
            echo.connect(settings.concurrency());
            echo.paced(rate, Duration.ofSeconds(5), "w"); // warm-up: the echo's code paths compiled, as the server's are below
            echo.saturated(settings.concurrency(), capacityWindow()); // and at capacity, as the server is below
            echoPaced = echo.paced(rate, duration, "p").result();
            echoCapacity = echo.saturated(settings.concurrency(), capacityWindow()).result();
        }

        // 2. Conversations, before any socket is open: the memory difference below is the sockets alone.
        conversationIds = new String[groups.size()];
        Api.inParallel(groups.size(), Math.min(4, settings.concurrency()), g -> {
            List<Integer> members = groups.get(g);
            List<String> others = members.subList(1, members.size()).stream().map(i -> users.get(i).userId()).toList();
            conversationIds[g] = api.postOnce("/api/conversations", users.get(members.getFirst()).accessToken(),
                    Map.of("title", "Bench chat " + g, "memberIds", others)).expect(201).json().get("conversationId").asText();
            return null;
        });
        long before = idleResident();

        // 3. One socket per user.
        try (StompSessions sockets = new StompSessions()) {
            long connecting = System.nanoTime();
            sockets.connect(server.baseUrl(), users.stream().map(Session::accessToken).toList(), settings.concurrency());
            Duration connectTook = Duration.ofNanos(System.nanoTime() - connecting);
            long after = idleResident();

            // 4. Warm-up (not measured): at the offered rate, then at capacity until the server's JIT compiler has settled;
            // then the measured posts.
            Deliveries warmUp = new Deliveries();
            sockets.countInto(warmUp);
            Deliveries.paced(rate, Duration.ofSeconds(5), i -> post(warmUp, "w" + i, i, new ConcurrentLinkedQueue<>()));
            warmUp.awaitAll(Duration.ofSeconds(10));
            CompilerWarmUp.Result warm = CompilerWarmUp.run(serverCpu, settings.warmupRounds(), settings.compilerSettled(),
                    round -> Deliveries.saturated(settings.concurrency(), capacityWindow(), sockets::countInto,
                            (into, n) -> post(into, "w" + round + "-" + n, n, new ConcurrentLinkedQueue<>())));
            report.row(CHAT, "the JIT compiler's share of the server JVM's CPU in each warm-up window at capacity (not measured; %d s each)"
                    .formatted(capacityWindow().toSeconds()), warm.describe(settings.compilerSettled()));

            Deliveries deliveries = new Deliveries();
            sockets.countInto(deliveries);
            ConcurrentLinkedQueue<Sample> answers = new ConcurrentLinkedQueue<>();
            System.out.printf("Chat: posting %d messages/s for %d s to %d sockets%n", rate, duration.toSeconds(), count);
            profile.accept("chat", "start");
            Deliveries.paced(rate, duration, i -> post(deliveries, "m" + i, i, answers));
            deliveries.awaitAll(Duration.ofSeconds(15));
            profile.accept("chat", "stop");

            // 5. Capacity, as R_echo's: K posts in flight, each slot free again once every member has the message.
            System.out.printf("Chat: capacity, %d posts in flight%n", settings.concurrency());
            ConcurrentLinkedQueue<Sample> saturatedAnswers = new ConcurrentLinkedQueue<>();
            if (settings.statementStatistics()) {
                database.resetStatementStatistics();
            }
            profile.accept("chat-capacity", "start");
            ServerCpu.Reading cpuBefore = serverCpu.read();
            Deliveries saturated = Deliveries.saturated(settings.concurrency(), capacityWindow(), sockets::countInto,
                    (into, n) -> post(into, "s" + n, n, saturatedAnswers));
            ServerCpu.Usage capacityCpu = serverCpu.since(cpuBefore);
            profile.accept("chat-capacity", "stop");
            if (settings.statementStatistics()) {
                Files.write(settings.output().resolve("statements-chat-capacity.txt"), database.statementStatistics());
            }

            report(deliveries.result(), saturated.result(), echoPaced, echoCapacity, List.copyOf(answers), rate * meanMembers);
            // The server's cost of a message, which the machine's speed from run to run (R_echo moves by half) does not change.
            Deliveries.Result capacity = saturated.result();
            report.row(CHAT, "server CPU at capacity: a message (its post and its deliveries), a delivery",
                    "%.2f ms, %.0f µs (%s)".formatted(capacityCpu.millisPer(capacity.messages()), 1000 * capacityCpu.millisPer(capacity.delivered()),
                            capacityCpu.describe()));
            report.row(CHAT, "%d sockets connected and subscribed".formatted(count), Benchmarks.seconds(connectTook));
            report.row(CHAT, "server JVM RSS, idle: before the sockets → with %d sockets connected".formatted(count),
                    "%s → %s (%+d MiB, %.0f KiB a socket)".formatted(Benchmarks.mib(before), Benchmarks.mib(after), (after - before) / (1 << 20),
                            (after - before) / 1024.0 / count));
            report.note("Chat: %d sockets still connected at the end; %d socket errors; %d other pushes (unread.total, member.added, …) not counted; warm-up: %d of %d deliveries."
                    .formatted(sockets.connected(), sockets.errors(), sockets.otherPushes(), warmUp.result().delivered(), warmUp.result().expected()));
        }
    }

    private long idleResident() {
        Waiting.sleep(settings.quick() ? 3_000 : 10_000);
        return server.jvmResidentBytes();
    }

    private Duration capacityWindow() {
        return Duration.ofSeconds(Math.max(5, settings.chatSeconds() / 3));
    }

    /** Message n goes to conversation n mod count, from one of its members (as in the echo), with its own Idempotency-Key. */
    private void post(Deliveries deliveries, String id, int n, Collection<Sample> answers) {
        List<Integer> members = groups.get(n % groups.size());
        Session sender = users.get(members.get(Math.floorMod(n * 31, members.size())));
        long started = System.currentTimeMillis();
        deliveries.sent(id, System.nanoTime(), members);
        int status;
        try {
            status = api.postOnce("/api/conversations/" + conversationIds[n % groups.size()] + "/messages", sender.accessToken(),
                    Map.of("type", "TEXT", "text", Deliveries.text(id))).status();
        } catch (RuntimeException e) {
            status = -1;
        }
        if (status != 201) {
            deliveries.failed(id);
        }
        answers.add(new Sample("post", status, started, System.currentTimeMillis()));
    }

    private void report(Deliveries.Result paced, Deliveries.Result capacity, Deliveries.Result echoPaced, Deliveries.Result echoCapacity,
                        List<Sample> answers, double offered) {
        Stats posted = Stats.of(Samples.of(answers, s -> s.status() == 201));
        double rEcho = echoCapacity.perSecond();
        double ofEcho = rEcho == 0 ? 0 : capacity.perSecond() / rEcho;
        int k = settings.concurrency();
        report.row(CHAT, "R_echo: plain WebSocket echo at capacity (same sockets and fan-out, %d messages in flight): deliveries/s, p50 / p95 / p99"
                .formatted(k), "%s, %s".formatted(Benchmarks.rate(rEcho), echoCapacity.latencies()));
        report.row(CHAT, "echo at the chat's rate: deliveries/s, p50 / p95 / p99", "%s, %s".formatted(Benchmarks.rate(echoPaced.perSecond()), echoPaced.latencies()));
        report.row(CHAT, "posts (open model): offered / answered 201 per s; answer p50 / p95 / p99",
                "%d/s / %s; %s".formatted(settings.chatRate(), Benchmarks.rate(posted.perSecond()), posted.latencies()));
        report.row(CHAT, "delivered messages/s at the offered rate (first post → last delivery; %s offered)".formatted(Benchmarks.rate(offered)),
                Benchmarks.rate(paced.perSecond()), "R_echo " + Benchmarks.rate(rEcho), Benchmarks.percent(paced.perSecond() / Math.max(1, rEcho)), "", null);
        report.row(CHAT, "delivered messages/s at capacity (%d posts in flight), p99 %.0f ms".formatted(k, capacity.p99()),
                Benchmarks.rate(capacity.perSecond()), "R_echo " + Benchmarks.rate(rEcho), Benchmarks.percent(ofEcho), "≥ 50 % of R_echo", ofEcho >= 0.5);
        report.row(CHAT, "post-to-delivery p50 / p95 / p99 at the offered rate (REST send → socket receipt)",
                paced.latencies() + " (max %.0f ms)".formatted(paced.max()), "echo " + echoPaced.latencies(), "", "p99 ≤ 200 ms",
                paced.delivered() > 0 && paced.p99() <= 200);
        boolean clean = paced.lost() + paced.duplicated() + capacity.lost() + capacity.duplicated() == 0;
        report.row(CHAT, "lost / duplicated deliveries: offered rate (%,d expected, %d messages); capacity (%,d expected, %d messages)"
                        .formatted(paced.expected(), paced.messages(), capacity.expected(), capacity.messages()),
                "%d / %d; %d / %d".formatted(paced.lost(), paced.duplicated(), capacity.lost(), capacity.duplicated()),
                "echo %d / %d".formatted(echoPaced.lost() + echoCapacity.lost(), echoPaced.duplicated() + echoCapacity.duplicated()), "", "0 / 0", clean);
        long refused = answers.stream().filter(s -> s.status() != 201).count();
        if (refused > 0) {
            report.note("Chat: %d of %d posts were not answered 201 (their deliveries are not expected): %s"
                    .formatted(refused, answers.size(), Samples.countByKind(answers)));
        }
        if (paced.unknown() + capacity.unknown() > 0) {
            report.note("Chat: %d message.new pushes belonged to no message of their window (late deliveries of the window before)"
                    .formatted(paced.unknown() + capacity.unknown()));
        }
    }
}
