package app.soiree.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Who follows whom in the feed phase, drawn once with a fixed seed. Host 0 is the star: every reader follows it.
 * Each reader follows k hosts in all, k between 1 and H (the number of hosts), drawn from a truncated Zipf
 * distribution P(k) ∝ k^-s whose exponent s is solved so that the mean k is the one asked for; reader 0 follows all H
 * (the heaviest reader the issue names). The k − 1 hosts besides the star are drawn without replacement, host j
 * (1 … H−1) with weight 1/j, so a few hosts are popular and most have a handful of followers.
 */
final class FeedPlan {

    /** Buckets of "hosts followed", for splitting the latencies: the kind a reader's answers are recorded under. */
    static final List<String> BUCKETS = List.of("feed.1", "feed.2-9", "feed.10-99", "feed.100-999", "feed.1000+");

    private final int hosts;
    private final double exponent;
    private final int[][] follows;
    private final List<List<Integer>> followers;

    private FeedPlan(int hosts, double exponent, int[][] follows) {
        this.hosts = hosts;
        this.exponent = exponent;
        this.follows = follows;
        this.followers = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            followers.add(new ArrayList<>());
        }
        for (int user = 0; user < follows.length; user++) {
            for (int host : follows[user]) {
                followers.get(host).add(user);
            }
        }
    }

    static FeedPlan draw(int users, int hosts, double meanFollows, long seed) {
        double exponent = exponentForMean(hosts, meanFollows);
        double[] cumulativeK = cumulative(IntStream.rangeClosed(1, hosts).mapToDouble(k -> Math.pow(k, -exponent)).toArray());
        double[] popularity = IntStream.range(1, hosts).mapToDouble(j -> 1.0 / j).toArray();
        double[] cumulativeHost = cumulative(popularity);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] follows = new int[users][];
        for (int user = 0; user < users; user++) {
            int k = user == 0 ? hosts : 1 + pick(cumulativeK, random.nextDouble());
            follows[user] = others(k - 1, popularity, cumulativeHost, random);
        }
        return new FeedPlan(hosts, exponent, follows);
    }

    /** The star (host 0) and {@code count} distinct others, by popularity. */
    private static int[] others(int count, double[] popularity, double[] cumulative, SplittableRandom random) {
        int[] chosen = new int[count + 1];
        chosen[0] = 0;
        if (count <= popularity.length / 4) {
            // Few: draw by popularity and skip repeats.
            Set<Integer> seen = new HashSet<>();
            int n = 1;
            while (n <= count) {
                int host = 1 + pick(cumulative, random.nextDouble());
                if (seen.add(host)) {
                    chosen[n++] = host;
                }
            }
        } else {
            // Many: weighted sampling without replacement (Efraimidis–Spirakis: the smallest -ln(u)/w win).
            double[] keys = new double[popularity.length];
            for (int j = 0; j < keys.length; j++) {
                keys[j] = -Math.log(1 - random.nextDouble()) / popularity[j];
            }
            Integer[] order = IntStream.range(0, keys.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(j -> keys[j]));
            for (int n = 0; n < count; n++) {
                chosen[n + 1] = 1 + order[n];
            }
        }
        return chosen;
    }

    /** The s for which the mean of P(k) ∝ k^-s on 1 … hosts is {@code mean} (0 when the mean asked is the uniform's or more). */
    static double exponentForMean(int hosts, double mean) {
        if (mean >= (hosts + 1) / 2.0) {
            return 0;
        }
        double low = 0;
        double high = 20;
        for (int i = 0; i < 100; i++) {
            double s = (low + high) / 2;
            if (meanOf(hosts, s) > mean) {
                low = s;
            } else {
                high = s;
            }
        }
        return (low + high) / 2;
    }

    private static double meanOf(int hosts, double s) {
        double weights = 0;
        double weighted = 0;
        for (int k = 1; k <= hosts; k++) {
            double w = Math.pow(k, -s);
            weights += w;
            weighted += k * w;
        }
        return weighted / weights;
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    /** The index whose cumulative share first reaches u. */
    private static int pick(double[] cumulative, double u) {
        int found = Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
    }

    int users() {
        return follows.length;
    }

    int hosts() {
        return hosts;
    }

    double exponent() {
        return exponent;
    }

    /** The hosts {@code user} follows, the star first. */
    int[] follows(int user) {
        return follows[user];
    }

    List<Integer> followersOf(int host) {
        return followers.get(host);
    }

    /** Every tenth publish is the star's; the rest go round the other hosts that have followers, in a fixed shuffled order. */
    int[] publishingHosts(int publishes) {
        List<Integer> followed = new ArrayList<>();
        for (int host = 1; host < hosts; host++) {
            if (!followersOf(host).isEmpty()) {
                followed.add(host);
            }
        }
        Collections.shuffle(followed, new Random(18));
        int[] chosen = new int[publishes];
        for (int n = 0; n < publishes; n++) {
            chosen[n] = n % 10 == 0 || followed.isEmpty() ? 0 : followed.get(n % followed.size());
        }
        return chosen;
    }

    /** Every follow as {reader, host}, reader by reader. */
    int[][] pairs() {
        int[][] pairs = new int[(int) totalFollows()][];
        int n = 0;
        for (int user = 0; user < follows.length; user++) {
            for (int host : follows[user]) {
                pairs[n++] = new int[] {user, host};
            }
        }
        return pairs;
    }

    long totalFollows() {
        return Arrays.stream(follows).mapToLong(f -> f.length).sum();
    }

    static String bucket(int followed) {
        return followed == 1 ? BUCKETS.get(0) : followed < 10 ? BUCKETS.get(1) : followed < 100 ? BUCKETS.get(2)
                : followed < 1000 ? BUCKETS.get(3) : BUCKETS.get(4);
    }

    /** Readers per bucket of hosts followed. */
    Map<String, Integer> readersPerBucket() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        BUCKETS.forEach(bucket -> counts.put(bucket, 0));
        for (int[] followed : follows) {
            counts.merge(bucket(followed.length), 1, Integer::sum);
        }
        return counts;
    }

    /** The distribution in one sentence, for the report. */
    String describe() {
        long[] sorted = Arrays.stream(follows).mapToLong(f -> f.length).sorted().toArray();
        int[] perHost = followers.stream().mapToInt(List::size).sorted().toArray();
        long hostsFollowed = Arrays.stream(perHost).filter(n -> n > 0).count();
        return ("%,d readers follow %,d of %,d hosts: follows per reader P(k) ∝ k^-%.2f on 1…%d (reader 0 follows all %d), "
                + "mean %.2f, median %d, p90 %d, p99 %d, max %d; %,d follows in all; readers per bucket %s; "
                + "followers per host: host 0 %,d, median %d, p90 %d, the least %d (hosts besides the star drawn with weight 1/rank)")
                .formatted(follows.length, hostsFollowed, hosts, exponent, hosts, hosts, (double) totalFollows() / follows.length,
                        Samples.percentile(sorted, 50), Samples.percentile(sorted, 90), Samples.percentile(sorted, 99),
                        sorted[sorted.length - 1], totalFollows(), readersPerBucket(), followers.getFirst().size(),
                        perHost[perHost.length / 2], perHost[(int) (perHost.length * 0.9)], perHost[0]);
    }
}
