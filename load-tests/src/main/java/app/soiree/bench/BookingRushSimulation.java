package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.answerChecks;
import static app.soiree.bench.SimulationSupport.protocol;
import static app.soiree.bench.SimulationSupport.record;
import static app.soiree.bench.SimulationSupport.stamp;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;

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
                .exec(stamp())
                .exec(http("book").post("/api/bookings")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(booking))
                        .check(answerChecks())
                        .check(SimulationSupport.code(), jmesPath("payment.paymentId").optional().saveAs("paymentId"))
                        .check(status().in(201, 422)))
                .exec(record(SimulationSupport::bookingKind))
                .doIf(session -> session.contains("paymentId")).then(
                        exec(stamp())
                                .exec(http("pay").post("/api/dev/payments/#{paymentId}/outcome")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"outcome\":\"succeeded\"}"))
                                        .check(answerChecks())
                                        .check(status().is(202)))
                                .exec(record(session -> "pay")));

        setUp(guests.injectOpen(rampUsers(plan.users()).during(plan.arrivals())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(Duration.ofMinutes(20));
    }
}
