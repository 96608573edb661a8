package app.soiree.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The harness's knobs, read from system properties ({@code -Dbenchmarks.*}). An empty value means the
 * default. {@code benchmarks.quick=true} shrinks every phase to a smoke run of a minute or two; any knob
 * given explicitly still wins over the quick default.
 */
record Settings(
        boolean quick,
        int guests,
        int seats,
        int rushSeconds,
        int concurrency,
        int calibrationSeconds,
        int soldOutSeconds,
        int ledgerPayments,
        int warmupBookings,
        int warmupRounds,
        double compilerSettled,
        int gatherings,
        int readSeconds,
        int chatUsers,
        int chatRate,
        int chatSeconds,
        int feedUsers,
        int feedHosts,
        double feedMeanFollows,
        int feedGatheringsPerHost,
        int feedSeconds,
        int feedPublishRate,
        List<Integer> scaleSeats,
        int scaleSeatsPerBooking,
        List<Integer> preloadEvents,
        Set<String> preloadCatchUp,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        List<String> serverJvmArgs,
        List<String> serverArgs,
        boolean jfr,
        boolean statementStatistics,
        boolean aotCache,
        Set<String> phases,
        Path serverJar,
        Path output) {

    static Settings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(text("quick", "false"));
        return new Settings(
                quick,
                integer("guests", quick ? 500 : 5_000),
                integer("seats", quick ? 50 : 300),
                integer("rushSeconds", quick ? 5 : 10),
                // The server's connection pool is 20 by default (soiree.embedded-postgres.pool-size): the
                // database never sees more than 20 concurrent clients from it, so calibrate with as many.
                integer("concurrency", 20),
                integer("calibrationSeconds", quick ? 3 : 10),
                integer("soldOutSeconds", quick ? 5 : 15),
                integer("ledgerPayments", quick ? 100 : 600),
                integer("warmupBookings", quick ? 30 : 100),
                // Rushes like the measured one before it, until the JIT compiler has settled: at most this many, ending
                // after one in which the compiler threads used at most this share of the server JVM's CPU.
                count("warmupRounds", quick ? 1 : 8),
                share("compilerSettled", 0.05),
                integer("gatherings", quick ? 20 : 50),
                integer("readSeconds", quick ? 5 : 20),
                // Chat: users with one socket each, messages posted per second (open model) and for how long.
                integer("chatUsers", quick ? 200 : 1_000),
                integer("chatRate", quick ? 5 : 10),
                integer("chatSeconds", quick ? 10 : 30),
                // Feed: readers, hosts, the mean number of hosts a reader follows (Zipf-distributed between 1 and
                // feedHosts, one host followed by every reader), gatherings each host has published before the
                // measurement, how long the feed is read, and gatherings published per second meanwhile.
                integer("feedUsers", quick ? 1_000 : 10_000),
                integer("feedHosts", quick ? 100 : 1_000),
                decimal("feedMeanFollows", 1.5),
                integer("feedGatheringsPerHost", quick ? 1 : 2),
                integer("feedSeconds", quick ? 10 : 30),
                integer("feedPublishRate", 2),
                // Scale (issue 14): the rush on tiers of these many seats, each its own gathering, every guest booking this many.
                integers("scaleSeats", quick ? "50,500" : "300,3000,30000"),
                integer("scaleSeatsPerBooking", 1),
                // Preloaded event store (issue 14): the ledger and reads phases on a store of this many events in all, and
                // the tracking processors that work through the generated events (the others are moved past them).
                integers("preloadEvents", quick ? "10000,100000" : "10000,1000000"),
                new java.util.LinkedHashSet<>(Arrays.asList(text("preloadCatchUp", "ledger,gatherings").split("\\s*,\\s*"))),
                text("jdbcUrl", ""),
                text("jdbcUser", "postgres"),
                text("jdbcPassword", ""),
                words(text("serverJvmArgs", SERVER_JVM_DEFAULTS)),
                words(text("serverArgs", "")),
                Boolean.parseBoolean(text("jfr", "false")),
                Boolean.parseBoolean(text("statementStatistics", "false")),
                Boolean.parseBoolean(text("aotCache", "true")),
                phases(text("phases", String.join(",", DEFAULT_PHASES))),
                Path.of(require("serverJar")).toAbsolutePath().normalize(),
                Path.of(text("output", "target/benchmarks")).toAbsolutePath().normalize());
    }

    /**
     * The JVM options the README's run command (on JDK 25 or newer) and the Dockerfile give the server (server/pom.xml,
     * Dockerfile); the harness runs the server on its own JDK, which the AOT cache wants to be 25 or newer anyway.
     */
    static final String SERVER_JVM_DEFAULTS = "-Xmx640m -XX:G1PeriodicGCInterval=5000 -XX:+ExplicitGCInvokesConcurrent -XX:+UseCompactObjectHeaders";
    /** The phases a run can have; {@code -Dbenchmarks.phases=rush,ledger} runs only those (the first start is always measured). */
    static final List<String> PHASES = List.of("restart", "preload", "rush", "soldout", "ledger", "replay", "reads", "scale", "chat", "feed");
    /**
     * What runs without {@code -Dbenchmarks.phases}: all but the two of issue 14's scale. {@code scale} registers a guest per
     * booking of its largest tier and sells every seat of it: at the server's cost today (about 0.2 s of CPU per booking)
     * 30,000 one-seat bookings keep a 2-core machine busy for over an hour, against ten minutes for the rest.
     * {@code preload} stops the server to grow its event store to a million events, and runs the ledger and reads
     * phases at each size; it must run on a store the set-up has barely filled, so before the other phases.
     */
    static final List<String> DEFAULT_PHASES = PHASES.stream().filter(phase -> !phase.equals("scale") && !phase.equals("preload")).toList();

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    boolean embeddedDatabase() {
        return jdbcUrl.isBlank();
    }

    /** One line per knob, for the summary, so that a result can be reproduced. */
    String describe() {
        return "guests N=%d, seats C=%d, rush arrivals over %d s (open model), client concurrency K=%d, calibration %d s each, "
                .formatted(guests, seats, rushSeconds, concurrency, calibrationSeconds)
                + "sold-out probe %d s, ledger payments %d, warm-up bookings %d and rushes up to %d (until the JIT compiler is at most %.0f %% of the JVM's CPU), "
                .formatted(soldOutSeconds, ledgerPayments, warmupBookings, warmupRounds, compilerSettled * 100)
                + "gatherings listed %d, reads %d s each, ".formatted(gatherings, readSeconds)
                + "chat %d users posting %d messages/s for %d s, "
                .formatted(chatUsers, chatRate, chatSeconds)
                + "feed %d readers of %d hosts (mean %.2f follows, %d gatherings a host), read %d s with %d publishes/s%s%s"
                .formatted(feedUsers, feedHosts, feedMeanFollows, feedGatheringsPerHost, feedSeconds, feedPublishRate,
                        quick ? ", quick mode" : "", jfr ? ", JFR on" : "")
                + (phases.equals(new java.util.LinkedHashSet<>(DEFAULT_PHASES)) ? "" : ", phases " + String.join(",", phases))
                + (phases.contains("scale") ? ", scale tiers %s seats, %d a booking".formatted(scaleSeats, scaleSeatsPerBooking) : "")
                + (phases.contains("preload") ? ", preloaded stores of %s events, catching up %s".formatted(preloadEvents, preloadCatchUp) : "");
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty("benchmarks." + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String require(String name) {
        String value = text(name, "");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("-Dbenchmarks." + name + " is required");
        }
        return value;
    }

    private static int integer(String name, int fallback) {
        return number(name, fallback, Integer::parseInt, parsed -> parsed > 0, "a whole number", "positive");
    }

    /** A whole number, 0 or more. */
    private static int count(String name, int fallback) {
        return number(name, fallback, Integer::parseInt, parsed -> parsed >= 0, "a whole number", "0 or more");
    }

    /** A comma-separated list of positive whole numbers. */
    private static List<Integer> integers(String name, String fallback) {
        String value = text(name, fallback);
        try {
            List<Integer> parsed = Arrays.stream(value.split("\\s*,\\s*")).map(Integer::parseInt).toList();
            if (parsed.isEmpty() || parsed.stream().anyMatch(number -> number <= 0)) {
                throw new IllegalArgumentException("-Dbenchmarks." + name + " must list positive numbers, was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbenchmarks." + name + " must list whole numbers separated by commas, was " + value, e);
        }
    }

    /** A share between 0 and 1. */
    private static double share(String name, double fallback) {
        return number(name, fallback, Double::parseDouble, parsed -> parsed >= 0 && parsed <= 1, "a number", "between 0 and 1");
    }

    private static double decimal(String name, double fallback) {
        return number(name, fallback, Double::parseDouble, parsed -> parsed >= 1, "a number", "at least 1");
    }

    /** The knob's value, or the fallback when it is not given; one that is not {@code kind} or not {@code rule} is refused. */
    private static <T> T number(String name, T fallback, Function<String, T> parse, Predicate<T> valid, String kind, String rule) {
        String value = text(name, "");
        T parsed;
        try {
            parsed = value.isEmpty() ? fallback : parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dbenchmarks." + name + " must be " + kind + ", was " + value, e);
        }
        if (!valid.test(parsed)) {
            throw new IllegalArgumentException("-Dbenchmarks." + name + " must be " + rule + ", was " + value);
        }
        return parsed;
    }

    private static Set<String> phases(String text) {
        Set<String> phases = new java.util.LinkedHashSet<>(Arrays.asList(text.trim().toLowerCase().split("\\s*,\\s*")));
        for (String phase : phases) {
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("-Dbenchmarks.phases: unknown phase " + phase + "; known: " + PHASES);
            }
        }
        return phases;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
