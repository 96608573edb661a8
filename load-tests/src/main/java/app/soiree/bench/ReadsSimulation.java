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
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Objects;

/** Reads under load, closed model: {@code clients} clients read one path back to back for {@code duration}. */
public class ReadsSimulation extends Simulation {

    /** {@code token} is null for a public path. */
    record Plan(String baseUrl, String name, String path, String token, int clients, Duration duration) {
    }

    static volatile Plan plan;

    public ReadsSimulation() {
        Plan plan = Objects.requireNonNull(ReadsSimulation.plan, "the harness sets the plan before running");
        HttpRequestActionBuilder read = http(plan.name()).get(plan.path()).check(answerChecks()).check(status().is(200));
        if (plan.token() != null) {
            read = read.header("Authorization", "Bearer " + plan.token());
        }

        ScenarioBuilder readers = scenario(plan.name())
                .during(plan.duration()).on(exec(stamp()).exec(read).exec(record(session -> plan.name())));

        setUp(readers.injectOpen(atOnceUsers(plan.clients())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
