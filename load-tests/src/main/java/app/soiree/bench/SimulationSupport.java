package app.soiree.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.UUID;
import java.util.function.Function;

/** What the simulations share: the protocol, and recording each answer into {@link Samples}. */
final class SimulationSupport {

    static final String BOOKING_HELD = "booking.held";
    static final String BOOKING_SOLD_OUT = "booking.soldOut";
    static final String BOOKING_OTHER = "booking.other";

    private SimulationSupport() {
    }

    static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("soiree-benchmarks")
                // Gatling's warm-up request goes to gatling.io, which is not reachable from here.
                .disableWarmUp()
                .disableCaching();
    }

    /** Checks that keep what the recording needs; they come first so that they run whatever the answer. */
    static CheckBuilder[] answerChecks() {
        return new CheckBuilder[] {status().saveAs("status"), responseTimeInMillis().saveAs("responseTime")};
    }

    /** Remembers when a request is about to be sent, for answers that never come (no response time then). */
    static ChainBuilder stamp() {
        return exec(session -> session.set("sentAt", System.currentTimeMillis()).remove("status").remove("responseTime").remove("code"));
    }

    /** Records the answer just received under the kind {@code kind} gives it. */
    static ChainBuilder record(Function<Session, String> kind) {
        return exec(session -> {
            long end = System.currentTimeMillis();
            long start = session.contains("responseTime") ? end - session.getInt("responseTime") : session.getLong("sentAt");
            int status = session.contains("status") ? session.getInt("status") : -1;
            Samples.record(kind.apply(session), status, start, end);
            return session;
        });
    }

    static CheckBuilder code() {
        return jmesPath("code").optional().saveAs("code");
    }

    /**
     * A guest (the session's {@code token}) books with {@code bookingJson} under a fresh {@code Idempotency-Key} and, when
     * the seats are held, pays at once through the simulated provider; each answer recorded.
     */
    static ChainBuilder bookAndPay(String bookingJson) {
        return exec(stamp())
                .exec(http("book").post("/api/bookings")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                        .body(StringBody(bookingJson))
                        .check(answerChecks())
                        .check(code(), jmesPath("payment.paymentId").optional().saveAs("paymentId"))
                        .check(status().in(201, 422)))
                .exec(record(SimulationSupport::bookingKind))
                .doIf(session -> session.contains("paymentId")).then(pay());
    }

    /** The guest (the session's {@code token}) pays {@code paymentId} through the simulated provider; recorded as "pay". */
    static ChainBuilder pay() {
        return exec(stamp())
                .exec(http("pay").post("/api/dev/payments/#{paymentId}/outcome")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"outcome\":\"succeeded\"}"))
                        .check(answerChecks())
                        .check(status().is(202)))
                .exec(record(session -> "pay"));
    }

    /** What a booking request was answered with. */
    static String bookingKind(Session session) {
        int status = session.contains("status") ? session.getInt("status") : -1;
        if (status == 201) {
            return BOOKING_HELD;
        }
        if (status == 422 && session.contains("code") && "SOLD_OUT".equals(session.getString("code"))) {
            return BOOKING_SOLD_OUT;
        }
        return BOOKING_OTHER;
    }
}
