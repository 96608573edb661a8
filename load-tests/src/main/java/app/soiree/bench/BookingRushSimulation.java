package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.bookAndPay;
import static app.soiree.bench.SimulationSupport.protocol;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * The booking rush, open model: {@code users} guests arrive evenly over {@code arrivals}, whatever the
 * server's answers take; each books one seat of the same tier and, when the seat is held, pays for it
 * at once through the simulated provider's outcome endpoint.
 */
public class BookingRushSimulation extends Simulation {

    record Plan(String baseUrl, String gatheringId, String tierId, Queue<String> guestTokens, int users, Duration arrivals) {
    }

    static volatile Plan plan;

    public BookingRushSimulation() {
        Plan plan = Objects.requireNonNull(BookingRushSimulation.plan, "the harness sets the plan before running");
        String booking = Api.write(Map.of("gatheringId", plan.gatheringId(), "tierId", plan.tierId(), "quantity", 1));

        ScenarioBuilder guests = scenario("booking rush")
                .exec(session -> session.set("token", Objects.requireNonNull(plan.guestTokens().poll(), "one guest per user")))
                .exec(bookAndPay(booking));

        setUp(guests.injectOpen(rampUsers(plan.users()).during(plan.arrivals())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(Duration.ofMinutes(20));
    }
}
