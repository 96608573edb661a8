package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.answerChecks;
import static app.soiree.bench.SimulationSupport.protocol;
import static app.soiree.bench.SimulationSupport.record;
import static app.soiree.bench.SimulationSupport.stamp;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * After the rush: how fast can the server say SOLD_OUT? Closed model, {@code clients} guests who got
 * no seat keep asking for one, back to back, for {@code duration}.
 */
public class SoldOutSimulation extends Simulation {

    record Plan(String baseUrl, String gatheringId, String tierId, List<String> guestTokens, int clients, Duration duration) {
    }

    static volatile Plan plan;

    public SoldOutSimulation() {
        Plan plan = Objects.requireNonNull(SoldOutSimulation.plan, "the harness sets the plan before running");
        String booking = Api.write(Map.of("gatheringId", plan.gatheringId(), "tierId", plan.tierId(), "quantity", 1));

        ScenarioBuilder guests = scenario("sold out")
                .during(plan.duration()).on(
                        exec(session -> session.set("token", plan.guestTokens().get(ThreadLocalRandom.current().nextInt(plan.guestTokens().size()))))
                                .exec(stamp())
                                .exec(http("book (sold out)").post("/api/bookings")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                                        .body(StringBody(booking))
                                        .check(answerChecks())
                                        .check(SimulationSupport.code())
                                        .check(status().is(422)))
                                .exec(record(SimulationSupport::bookingKind)));

        setUp(guests.injectOpen(atOnceUsers(plan.clients())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(plan.duration().plusMinutes(2));
    }
}
