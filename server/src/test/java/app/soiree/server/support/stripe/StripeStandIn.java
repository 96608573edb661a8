package app.soiree.server.support.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for Stripe's HTTP API: one WireMock server per JVM that answers the PaymentIntent calls Soiree makes
 * the way api.stripe.com does (status codes, JSON shapes, error bodies, headers), so that the real stripe-java SDK
 * can be pointed at it with {@code setApiBase(StripeStandIn.apiBase())}.
 *
 * <p>Without per-test stubs it behaves like a healthy Stripe account: creates succeed (idempotently, keyed by
 * {@code Idempotency-Key}) and intents it was not told about do not exist. Tests then make Stripe misbehave for
 * <em>their</em> booking only, matched on {@code metadata[soiree_booking_id]} in the create body, so that stubs of one
 * test cannot leak into another that shares the server (and the Spring context).
 *
 * <p>Precedence (WireMock: a lower priority number wins; on a tie the stub added last wins):
 * <ol>
 *   <li>a wrong or missing API key is answered with 401, whatever else is stubbed, as Stripe checks it first;</li>
 *   <li>per-test stubs, failure injections (decline, rate limit, time-out) before retrieve answers;</li>
 *   <li>Stripe's validation of required create parameters;</li>
 *   <li>the defaults: create succeeds, retrieve finds nothing;</li>
 *   <li>any other URL is unrecognized, as on Stripe, so a call the stand-in does not know fails loudly.</li>
 * </ol>
 */
public final class StripeStandIn {

    /** A test-mode secret key; made up, never valid at Stripe. */
    public static final String SECRET_KEY = "sk_test_51SoireeStandIn00000000000000000000NotARealKey";

    /** The webhook endpoint's signing secret; made up. */
    public static final String WEBHOOK_SECRET = "whsec_SoireeStandInNotARealSigningSecret0000";

    /** The read timeout the Spring context is configured with, shorter than the stand-in's delays. */
    public static final String READ_TIMEOUT = "PT2S";

    /** How long a timed-out call is kept waiting: longer than {@link #READ_TIMEOUT}, so the client gives up first. */
    public static final int DELAY_MILLIS = 5_000;

    private static final String PAYMENT_INTENTS = "/v1/payment_intents";
    private static final String BOOKING_ID_PARAM = "metadata[soiree_booking_id]";

    private static final int AUTHENTICATION = 1;
    private static final int FAILURE_INJECTION = 3;
    private static final int RETRIEVE_EXPANDED_BALANCE_TRANSACTION = 4;
    private static final int RETRIEVE_EXPANDED_CHARGE = 5;
    private static final int RETRIEVE = 6;
    private static final int VALIDATION = 8;
    private static final int DEFAULT = 10;
    private static final int UNRECOGNIZED = 100;

    /** Metadata that marks a stub as per-test, so that {@link #reset()} can remove exactly those. */
    private static final Map<String, Object> PER_TEST = Map.of("stripeStandIn", "per-test");

    private StripeStandIn() {
    }

    // ---- Server ------------------------------------------------------------------------------------------------

    /** Started on first use, stopped when the JVM exits; the holder idiom makes the start lazy and thread-safe. */
    private static final class Holder {
        static final WireMockServer SERVER = start();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                // Every stub is a Handlebars template (request ids, echoed ids and form values).
                .globalTemplating(true)
                // Delayed answers wait on a scheduler instead of holding one of Jetty's request threads.
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(4));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stripe-stand-in-stop"));
        stubDefaults(server);
        return server;
    }

    /** The WireMock server itself, for the odd stub or verification the helpers below do not cover. */
    public static WireMockServer server() {
        return Holder.SERVER;
    }

    /** What to pass to {@code StripeClient.builder().setApiBase(..)}; an IP literal, so no resolver is involved. */
    public static String apiBase() {
        return "http://127.0.0.1:" + server().port();
    }

    /**
     * Configures a Spring context to pay with Stripe, at the stand-in:
     * {@code @ContextConfiguration(initializers = StripeStandIn.Properties.class)}.
     */
    public static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stripeStandIn", Map.of(
                    "soiree.payments.provider", "stripe",
                    "soiree.stripe.secret-key", SECRET_KEY,
                    "soiree.stripe.webhook-secret", WEBHOOK_SECRET,
                    "soiree.stripe.api-base", apiBase(),
                    "soiree.stripe.read-timeout", READ_TIMEOUT)));
        }
    }

    // ---- What Stripe would derive ------------------------------------------------------------------------------

    /** The id the stand-in gives the intent created with this idempotency key (Soiree uses the payment id). */
    public static String intentIdFor(String idempotencyKey) {
        return "pi_" + idempotencyKey.replace("-", "");
    }

    /** The client secret the stand-in hands out with an intent. */
    public static String clientSecretFor(String intentId) {
        return intentId + "_secret_standin";
    }

    /** Stripe's fee in a stubbed balance transaction: 2.9 % + 30 minor units, rounded half up. */
    public static long feeFor(long amount) {
        return Math.round(amount * 0.029) + 30;
    }

    // ---- Per-test stubs ----------------------------------------------------------------------------------------

    /** Creates for this booking are declined with 402 {@code card_declined}, as Stripe declines a confirmation. */
    public static void declineCreateFor(String bookingId) {
        server().stubFor(createFor(bookingId).atPriority(FAILURE_INJECTION)
                .willReturn(stripeJson(402, """
                        {
                          "error": {
                            "charge": "ch_3SoireeStandInDeclined0",
                            "code": "card_declined",
                            "decline_code": "generic_decline",
                            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                            "message": "Your card was declined.",
                            "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                            "type": "card_error"
                          }
                        }
                        """)));
    }

    /** Creates for this booking are turned away with 429 {@code rate_limit}. */
    public static void rateLimitCreateFor(String bookingId) {
        server().stubFor(createFor(bookingId).atPriority(FAILURE_INJECTION)
                .willReturn(stripeJson(429, """
                        {
                          "error": {
                            "code": "rate_limit",
                            "doc_url": "https://stripe.com/docs/error-codes/rate-limit",
                            "message": "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
                            "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));
    }

    /**
     * Creates for this booking answer only after {@link #DELAY_MILLIS}, so the client times out. The late answer is
     * the created intent: like on Stripe, a create the client gave up on may well have happened.
     */
    public static void timeOutCreateFor(String bookingId) {
        server().stubFor(createFor(bookingId).atPriority(FAILURE_INJECTION)
                .willReturn(createdIntent().withFixedDelay(DELAY_MILLIS)));
    }

    /**
     * The first create for this booking times out, later ones are answered at once: the retry-with-the-same-key
     * path. As the intent id comes from the idempotency key, the retry gets the intent the first call created.
     */
    public static void timeOutCreateOnceFor(String bookingId) {
        String scenario = "time out once: " + bookingId;
        server().stubFor(createFor(bookingId).atPriority(FAILURE_INJECTION)
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("timed out")
                .willReturn(createdIntent().withFixedDelay(DELAY_MILLIS)));
        server().stubFor(createFor(bookingId).atPriority(FAILURE_INJECTION)
                .inScenario(scenario).whenScenarioStateIs("timed out")
                .willReturn(createdIntent()));
    }

    /**
     * {@code GET /v1/payment_intents/{intentId}} answers with this intent, with or without query parameters. Like
     * Stripe, {@code latest_charge} is an id unless the caller expands it ({@code expand[]=latest_charge}), and its
     * {@code balance_transaction} (with {@code fee} and {@code net}) is an id unless the caller expands
     * {@code latest_charge.balance_transaction}. Only intents that reached {@code processing} or {@code succeeded}
     * have a charge. Stubbing the same id again replaces the answer (e.g. processing, then succeeded).
     */
    public static void stubRetrieve(String intentId, String status, long amount, String currency, Map<String, String> metadata) {
        boolean charged = status.equals("succeeded") || status.equals("processing");
        String chargeId = StripeEvents.chargeId(intentId);
        server().stubFor(retrieve(intentId).atPriority(RETRIEVE)
                .willReturn(stripeJson(200, StripeEvents.json(
                        StripeEvents.paymentIntent(intentId, status, amount, currency, metadata,
                                charged ? chargeId : null, null)))));
        if (!charged) {
            return;
        }
        Map<String, Object> charge = StripeEvents.charge(intentId, amount, currency, metadata,
                StripeEvents.balanceTransactionId(intentId));
        server().stubFor(retrieveExpanding(intentId, "latest_charge").atPriority(RETRIEVE_EXPANDED_CHARGE)
                .willReturn(stripeJson(200, StripeEvents.json(
                        StripeEvents.paymentIntent(intentId, status, amount, currency, metadata, charge, null)))));
        Map<String, Object> chargeWithBalanceTransaction = StripeEvents.charge(intentId, amount, currency, metadata,
                StripeEvents.balanceTransaction(intentId, amount, currency));
        server().stubFor(retrieveExpanding(intentId, "latest_charge.balance_transaction")
                .atPriority(RETRIEVE_EXPANDED_BALANCE_TRANSACTION)
                .willReturn(stripeJson(200, StripeEvents.json(StripeEvents.paymentIntent(
                        intentId, status, amount, currency, metadata, chargeWithBalanceTransaction, null)))));
    }

    /** Retrieving this intent answers only after {@link #DELAY_MILLIS}, so the client times out; wins over {@link #stubRetrieve}. */
    public static void timeOutRetrieve(String intentId) {
        server().stubFor(retrieve(intentId).atPriority(FAILURE_INJECTION)
                .willReturn(resourceMissing().withFixedDelay(DELAY_MILLIS)));
    }

    /**
     * Forgets per-test stubs, scenario states and recorded requests; the defaults stay. Call it after each test
     * (tests that share the server run one after another, so the journal then holds only the current test's calls).
     */
    public static void reset() {
        server().removeStubsByMetadata(matchingJsonPath("$.stripeStandIn", equalTo("per-test")));
        server().resetScenarios();
        server().resetRequests();
    }

    // ---- Recorded requests -------------------------------------------------------------------------------------

    /** Create requests the stand-in received for this booking, in order; their bodies are Stripe's form encoding. */
    public static List<LoggedRequest> createRequestsFor(String bookingId) {
        return server().findAll(postRequestedFor(urlPathEqualTo(PAYMENT_INTENTS)).withFormParam(BOOKING_ID_PARAM, equalTo(bookingId)));
    }

    /** How many creates arrived with this {@code Idempotency-Key}: more than one means the caller retried. */
    public static int createRequestsWithIdempotencyKey(String idempotencyKey) {
        return server().findAll(postRequestedFor(urlPathEqualTo(PAYMENT_INTENTS))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey))).size();
    }

    /** How many times this intent was retrieved, whatever it expanded. */
    public static int retrieveRequestsFor(String intentId) {
        return server().findAll(getRequestedFor(urlPathEqualTo(PAYMENT_INTENTS + "/" + intentId))).size();
    }

    /** Fails unless every create for this booking carried this {@code Idempotency-Key}, and there was at least one. */
    public static void verifyCreatesUsedIdempotencyKey(String bookingId, String idempotencyKey) {
        List<LoggedRequest> creates = createRequestsFor(bookingId);
        if (creates.isEmpty()) {
            throw new AssertionError("Stripe received no create for booking " + bookingId);
        }
        for (LoggedRequest create : creates) {
            String sent = create.getHeader("Idempotency-Key");
            if (!idempotencyKey.equals(sent)) {
                throw new AssertionError("A create for booking " + bookingId + " had Idempotency-Key " + sent
                        + ", expected " + idempotencyKey);
            }
        }
    }

    /**
     * Fails unless every request since the last {@link #reset()} authenticated with {@code Bearer} {@link #SECRET_KEY}
     * and pinned {@link Stripe#API_VERSION}, as the SDK does when it is configured with the Soiree properties.
     */
    public static void verifyAllRequestsAuthenticated() {
        for (LoggedRequest request : server().findAll(anyRequestedFor(anyUrl()))) {
            String what = request.getMethod() + " " + request.getUrl();
            if (!("Bearer " + SECRET_KEY).equals(request.getHeader("Authorization"))) {
                throw new AssertionError(what + " did not authenticate with Bearer " + SECRET_KEY);
            }
            if (!Stripe.API_VERSION.equals(request.getHeader("Stripe-Version"))) {
                throw new AssertionError(what + " sent Stripe-Version " + request.getHeader("Stripe-Version")
                        + ", expected " + Stripe.API_VERSION);
            }
        }
    }

    // ---- Defaults ----------------------------------------------------------------------------------------------

    private static void stubDefaults(WireMockServer server) {
        // Stripe checks the key before anything else. The stub for no key at all is added last, so it wins the tie.
        server.stubFor(any(anyUrl()).atPriority(AUTHENTICATION)
                .withHeader("Authorization", not(equalTo("Bearer " + SECRET_KEY)))
                .willReturn(stripeJson(401, """
                        {
                          "error": {
                            "message": "Invalid API Key provided: sk_test_********************",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));
        server.stubFor(any(anyUrl()).atPriority(AUTHENTICATION)
                .withHeader("Authorization", absent())
                .willReturn(stripeJson(401, """
                        {
                          "error": {
                            "message": "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));

        // The create template reads amount and currency from the body, so they must be there; Stripe insists too.
        for (String required : List.of("amount", "currency")) {
            server.stubFor(post(urlPathEqualTo(PAYMENT_INTENTS)).atPriority(VALIDATION)
                    .withFormParam(required, absent())
                    .willReturn(stripeJson(400, """
                            {
                              "error": {
                                "code": "parameter_missing",
                                "doc_url": "https://stripe.com/docs/error-codes/parameter-missing",
                                "message": "Missing required param: %s.",
                                "param": "%s",
                                "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                                "type": "invalid_request_error"
                              }
                            }
                            """.formatted(required, required))));
        }

        server.stubFor(post(urlPathEqualTo(PAYMENT_INTENTS)).atPriority(DEFAULT).willReturn(createdIntent()));

        server.stubFor(get(urlPathMatching(PAYMENT_INTENTS + "/[^/]+")).atPriority(DEFAULT).willReturn(resourceMissing()));

        server.stubFor(any(anyUrl()).atPriority(UNRECOGNIZED)
                .willReturn(stripeJson(404, """
                        {
                          "error": {
                            "message": "Unrecognized request URL ({{request.method}}: {{request.path}}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                            "type": "invalid_request_error"
                          }
                        }
                        """)));
    }

    private static ResponseDefinitionBuilder createdIntent() {
        return stripeJson(200, resource("stripe/create-payment-intent.json"))
                // Stripe echoes the key, which makes a replay recognisable in logs.
                .withHeader("Idempotency-Key", "{{request.headers.Idempotency-Key}}");
    }

    private static ResponseDefinitionBuilder resourceMissing() {
        return stripeJson(404, """
                {
                  "error": {
                    "code": "resource_missing",
                    "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                    "message": "No such payment_intent: '{{request.pathSegments.[2]}}'",
                    "param": "intent",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                    "type": "invalid_request_error"
                  }
                }
                """);
    }

    // ---- Building blocks ---------------------------------------------------------------------------------------

    private static MappingBuilder createFor(String bookingId) {
        return post(urlPathEqualTo(PAYMENT_INTENTS)).withFormParam(BOOKING_ID_PARAM, equalTo(bookingId)).withMetadata(PER_TEST);
    }

    private static MappingBuilder retrieve(String intentId) {
        return get(urlPathEqualTo(PAYMENT_INTENTS + "/" + intentId)).withMetadata(PER_TEST);
    }

    /**
     * Matches a retrieve that expands exactly this path among its {@code expand[]} entries. stripe-java indexes list
     * parameters ({@code expand[0]=..&expand[1]=..}) and leaves the brackets unencoded; other clients send
     * {@code expand[]=} or encode the brackets, which the pattern accepts as well.
     */
    private static MappingBuilder retrieveExpanding(String intentId, String expandPath) {
        String url = Pattern.quote(PAYMENT_INTENTS + "/" + intentId)
                + "\\?(.*&)?expand(\\[|%5B)\\d*(\\]|%5D)=" + Pattern.quote(expandPath) + "(&.*)?";
        return get(urlMatching(url)).withMetadata(PER_TEST);
    }

    /**
     * A JSON answer with the headers Stripe sends on every response. {@code Request-Id} matters beyond looks: the
     * SDK puts it on its exceptions ({@code getRequestId()}), which is what one would quote to Stripe's support.
     * Bodies may refer to it as {{requestId}} (error bodies link to the request log).
     */
    public static ResponseDefinitionBuilder stripeJson(int status, String body) {
        // Header and body are rendered separately, so the id is derived from WireMock's id of the request
        // rather than drawn at random twice.
        String requestId = "req_{{replace request.id '-' ''}}";
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", requestId)
                .withHeader("Stripe-Version", Stripe.API_VERSION)
                .withBody("{{~#assign 'requestId'}}" + requestId + "{{/assign~}}" + body);
    }

    /** A response body from the test resources (recorded shapes of Stripe's answers). */
    public static String resource(String path) {
        try (InputStream in = StripeStandIn.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
