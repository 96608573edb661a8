package app.soiree.server.support.stripe;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Delivers signed Stripe events to the platform's webhook endpoints as Stripe does: one by one, or many copies at once. */
public final class StripeWebhookDeliveries {

    /** Events about the platform's own account: payments, refunds, disputes. */
    public static final String ACCOUNT_ENDPOINT = "/api/webhooks/stripe";
    /** Events about connected accounts: payout accounts and transfers. */
    public static final String CONNECT_ENDPOINT = "/api/webhooks/stripe/connect";
    /** Enough parallel deliveries to race the inbox on a 2-core machine. */
    private static final int PARALLEL_DELIVERIES = 6;

    private StripeWebhookDeliveries() {
    }

    public static Response deliver(Api api, String endpoint, EventPayload event) {
        return api.post(endpoint, null, event.payload(), Map.of("Stripe-Signature", event.signatureHeader()));
    }

    /** All deliveries at the same time; the answers in the order of {@code deliveries}. */
    public static List<Response> deliverConcurrently(Api api, String endpoint, List<EventPayload> deliveries) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_DELIVERIES)) {
            List<Future<Response>> answers = new ArrayList<>();
            for (EventPayload delivery : deliveries) {
                answers.add(pool.submit(() -> deliver(api, endpoint, delivery)));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        }
    }
}
