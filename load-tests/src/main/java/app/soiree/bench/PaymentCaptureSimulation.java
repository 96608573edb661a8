package app.soiree.bench;

import static app.soiree.bench.SimulationSupport.pay;
import static app.soiree.bench.SimulationSupport.protocol;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;

/**
 * Ledger append: held bookings are paid, {@code clients} at a time, through the simulated provider's
 * outcome endpoint. The endpoint only stores the provider's word; the capture (PaymentCaptured with its
 * postings) follows asynchronously, so the harness times the captures in the event store, not these answers.
 */
public class PaymentCaptureSimulation extends Simulation {

    record Payment(String paymentId, String guestToken) {
    }

    record Plan(String baseUrl, Queue<Payment> payments, int clients) {
    }

    static volatile Plan plan;

    public PaymentCaptureSimulation() {
        Plan plan = Objects.requireNonNull(PaymentCaptureSimulation.plan, "the harness sets the plan before running");
        ChainBuilder takeNext = exec(session -> {
            Payment next = plan.payments().poll();
            return next == null ? session.remove("paymentId")
                    : session.set("paymentId", next.paymentId()).set("token", next.guestToken());
        });

        ScenarioBuilder payers = scenario("payments")
                .exec(takeNext)
                .exec(asLongAs(session -> session.contains("paymentId")).on(
                        pay()
                                .exec(takeNext)));

        setUp(payers.injectOpen(atOnceUsers(plan.clients())))
                .protocols(protocol(plan.baseUrl()))
                .maxDuration(Duration.ofMinutes(20));
    }
}
