package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.bookAndPay;
import static app.soiree.bench.SimulationSupport.protocol;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * One tier of the scale phase, closed model: {@code clients} guests at a time book {@code quantity} seats of the same
 * tier and, when the seats are held, pay at once; a client takes the next guest as soon as its previous one is done,
 * until every guest has asked. The server is kept busy from the first seat to the last, whatever the tier's size, so
 * holds/s compares across tiers: what changes between them is only how much the gathering already holds.
 */
public class ScaleRushSimulation extends Simulation {

    record Plan(String baseUrl, String gatheringId, String tierId, int quantity, Queue<String> guestTokens, int clients) {
    }

    static volatile Plan plan;

    public ScaleRushSimulation() {
        Plan plan = Objects.requireNonNull(ScaleRushSimulation.plan, "the harness sets the plan before running");
        String booking = Api.write(Map.of("gatheringId", plan.gatheringId(), "tierId", plan.tierId(), "quantity", plan.quantity()));
        // The session outlives a guest: the previous guest's payment must not be paid again for the next one.
        ChainBuilder takeNext = exec(session -> {
            String token = plan.guestTokens().poll();
            Session cleared = session.remove("paymentId");
            return token == null ? cleared.remove("token") : cleared.set("token", token);
        });

        ScenarioBuilder guests = scenario("scale rush")
                .exec(takeNext)
                .exec(asLongAs(session -> session.contains("token")).on(
                        bookAndPay(booking)
                                .exec(takeNext)));

        setUp(guests.injectOpen(atOnceUsers(plan.clients())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(Duration.ofHours(3));
    }
}
