package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.answerChecks;
import static app.soiree.bench.SimulationSupport.protocol;
import static app.soiree.bench.SimulationSupport.record;
import static app.soiree.bench.SimulationSupport.stamp;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The feed under load, closed model: {@code clients} clients read {@code GET /api/me/feed} back to back for
 * {@code duration}, each request as a reader drawn at random (uniformly) from {@code readers}. Each answer is
 * recorded under its reader's kind ({@code feed.<bucket of hosts followed>}), so latencies can be split by how many
 * hosts the reader follows.
 */
public class FeedSimulation extends Simulation {

    record Reader(String token, String kind) {
    }

    record Plan(String baseUrl, List<Reader> readers, int limit, int clients, Duration duration) {
    }

    static volatile Plan plan;

    public FeedSimulation() {
        Plan plan = Objects.requireNonNull(FeedSimulation.plan, "the harness sets the plan before running");
        Iterator<Map<String, Object>> readers = Stream.generate(() -> {
            Reader reader = plan.readers().get(ThreadLocalRandom.current().nextInt(plan.readers().size()));
            return Map.<String, Object>of("token", reader.token(), "kind", reader.kind());
        }).iterator();

        ScenarioBuilder feed = scenario("GET /api/me/feed")
                .during(plan.duration()).on(exec(stamp()).feed(readers)
                        .exec(http("GET /api/me/feed").get("/api/me/feed?limit=" + plan.limit())
                                .header("Authorization", "Bearer #{token}")
                                .check(answerChecks()).check(status().is(200)))
                        .exec(record(session -> session.getString("kind"))));

        setUp(feed.injectOpen(atOnceUsers(plan.clients())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
