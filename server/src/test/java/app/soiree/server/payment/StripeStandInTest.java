package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.soiree.server.support.stripe.StripeEvents;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeStandIn;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Proves that {@link StripeStandIn} and {@link StripeEvents} speak Stripe's wire protocol, by talking to them with
 * the real stripe-java SDK configured the way Soiree's production code configures it. No Spring context.
 */
class StripeStandInTest {

    private static final long TIMEOUT_MILLIS = Duration.parse(StripeStandIn.READ_TIMEOUT).toMillis();

    private final StripeClient stripe = StripeClient.builder()
            .setApiKey(StripeStandIn.SECRET_KEY)
            .setApiBase(StripeStandIn.apiBase())
            .setReadTimeout((int) TIMEOUT_MILLIS)
            .setMaxNetworkRetries(0)
            .build();

    // Every test picks its own ids, as tests sharing the server must.
    private final String bookingId = UUID.randomUUID().toString();
    private final String paymentId = UUID.randomUUID().toString();
    private final String gatheringId = UUID.randomUUID().toString();

    @AfterEach
    void reset() {
        StripeStandIn.reset();
    }

    @Test
    void createEchoesTheRequestAndIsIdempotentPerKey() throws StripeException {
        PaymentIntent created = create(paymentId);

        assertThat(created.getId()).isEqualTo(StripeStandIn.intentIdFor(paymentId)).startsWith("pi_");
        assertThat(created.getObject()).isEqualTo("payment_intent");
        assertThat(created.getStatus()).isEqualTo("requires_payment_method");
        assertThat(created.getAmount()).isEqualTo(2500L);
        assertThat(created.getAmountReceived()).isZero();
        assertThat(created.getCurrency()).isEqualTo("eur");
        assertThat(created.getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata());
        assertThat(created.getClientSecret()).startsWith(created.getId() + "_secret_");
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getAutomaticPaymentMethods().getEnabled()).isTrue();
        assertThat(created.getLatestCharge()).isNull();
        assertThat(created.getLastPaymentError()).isNull();
        assertThat(created.getLastResponse().headers().firstValue("Request-Id")).hasValueSatisfying(
                id -> assertThat(id).startsWith("req_"));

        assertThat(create(paymentId).getId()).as("same key, same intent").isEqualTo(created.getId());
        assertThat(create(UUID.randomUUID().toString()).getId()).as("new key, new intent").isNotEqualTo(created.getId());

        assertThat(StripeStandIn.createRequestsWithIdempotencyKey(paymentId)).isEqualTo(2);
        assertThat(StripeStandIn.createRequestsFor(bookingId)).hasSize(3);
        StripeStandIn.verifyAllRequestsAuthenticated();
    }

    @Test
    void createSendsStripesFormEncoding() throws StripeException {
        create(paymentId);

        // Nested parameters are flattened with unencoded brackets; the map order of metadata is not defined.
        String body = StripeStandIn.createRequestsFor(bookingId).getFirst().getBodyAsString();
        assertThat(body.split("&")).containsExactlyInAnyOrder(
                "amount=2500",
                "currency=eur",
                "automatic_payment_methods[enabled]=true",
                "metadata[soiree_payment_id]=" + paymentId,
                "metadata[soiree_booking_id]=" + bookingId,
                "metadata[soiree_gathering_id]=" + gatheringId);
        assertThatThrownBy(() -> StripeStandIn.verifyCreatesUsedIdempotencyKey(bookingId, "another key"))
                .isInstanceOf(AssertionError.class);
        StripeStandIn.verifyCreatesUsedIdempotencyKey(bookingId, paymentId);
    }

    @Test
    void metadataIsEchoedWhateverItHolds() throws StripeException {
        Map<String, String> metadata = Map.of("soiree_booking_id", bookingId, "note", "a \"quoted\" & encoded = é");

        PaymentIntent created = stripe.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setAmount(1L).setCurrency("EUR").putAllMetadata(metadata).build(),
                RequestOptions.builder().setIdempotencyKey(paymentId).build());

        assertThat(created.getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata);
        assertThat(created.getCurrency()).as("Stripe answers in lower case").isEqualTo("eur");
    }

    @Test
    void aDeclinedCardSurfacesAsCardException() throws StripeException {
        StripeStandIn.declineCreateFor(bookingId);

        CardException declined = catchThrowableOfType(CardException.class, () -> create(paymentId));

        assertThat(declined.getStatusCode()).isEqualTo(402);
        assertThat(declined.getCode()).isEqualTo("card_declined");
        assertThat(declined.getDeclineCode()).isEqualTo("generic_decline");
        assertThat(declined.getStripeError().getType()).isEqualTo("card_error");
        assertThat(declined.getStripeError().getMessage()).isEqualTo("Your card was declined.");
        assertThat(declined.getRequestId()).startsWith("req_");
        assertThat(declined.getStripeError().getRequestLogUrl()).endsWith(declined.getRequestId());

        String otherBooking = UUID.randomUUID().toString();
        assertThat(create(UUID.randomUUID().toString(), otherBooking).getStatus())
                .as("other bookings are unaffected").isEqualTo("requires_payment_method");
    }

    @Test
    void tooManyRequestsSurfaceAsRateLimitException() {
        StripeStandIn.rateLimitCreateFor(bookingId);

        RateLimitException limited = catchThrowableOfType(RateLimitException.class, () -> create(paymentId));

        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(limited.getCode()).isEqualTo("rate_limit");
        assertThat(StripeStandIn.createRequestsWithIdempotencyKey(paymentId))
                .as("no retries with setMaxNetworkRetries(0)").isEqualTo(1);
    }

    @Test
    void aSlowCreateSurfacesAsApiConnectionExceptionWithinTheReadTimeout() {
        StripeStandIn.timeOutCreateFor(bookingId);

        long started = System.nanoTime();
        ApiConnectionException timedOut = catchThrowableOfType(ApiConnectionException.class, () -> create(paymentId));
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(timedOut).hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(elapsedMillis).isBetween(TIMEOUT_MILLIS, StripeStandIn.DELAY_MILLIS - 1_000L);
    }

    @Test
    void aCreateThatTimedOutOnceIsFoundAgainByRetryingWithTheSameKey() throws StripeException {
        StripeStandIn.timeOutCreateOnceFor(bookingId);

        assertThatThrownBy(() -> create(paymentId)).isInstanceOf(ApiConnectionException.class);
        PaymentIntent retried = create(paymentId);

        assertThat(retried.getId()).isEqualTo(StripeStandIn.intentIdFor(paymentId));
        assertThat(StripeStandIn.createRequestsWithIdempotencyKey(paymentId)).isEqualTo(2);
    }

    @Test
    void missingRequiredParametersAreRejectedLikeStripeDoes() {
        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().create(
                        PaymentIntentCreateParams.builder().setAmount(2500L).putAllMetadata(metadata()).build()));

        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getCode()).isEqualTo("parameter_missing");
        assertThat(missing.getParam()).isEqualTo("currency");
    }

    @Test
    void aWrongApiKeyIsRejectedBeforeAnythingElse() {
        StripeClient wrongKey = StripeClient.builder().setApiKey("sk_test_wrong").setApiBase(StripeStandIn.apiBase()).build();
        StripeStandIn.declineCreateFor(bookingId);

        AuthenticationException rejected = catchThrowableOfType(AuthenticationException.class,
                () -> wrongKey.v1().paymentIntents().create(createParams(bookingId)));

        assertThat(rejected.getStatusCode()).isEqualTo(401);
        assertThatThrownBy(StripeStandIn::verifyAllRequestsAuthenticated).isInstanceOf(AssertionError.class);
    }

    @Test
    void aStubbedSucceededIntentIsRetrievedWithItsFeeWhenExpanded() throws StripeException {
        String intentId = StripeStandIn.intentIdFor(paymentId);
        StripeStandIn.stubRetrieve(intentId, "succeeded", 2500, "eur", metadata());

        PaymentIntent plain = stripe.v1().paymentIntents().retrieve(intentId);
        assertThat(plain.getStatus()).isEqualTo("succeeded");
        assertThat(plain.getAmountReceived()).isEqualTo(2500L);
        assertThat(plain.getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata());
        assertThat(plain.getLatestCharge()).as("an id unless expanded").startsWith("ch_");
        assertThat(plain.getLatestChargeObject()).isNull();

        PaymentIntent expanded = stripe.v1().paymentIntents().retrieve(intentId,
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
        Charge charge = expanded.getLatestChargeObject();
        assertThat(charge.getId()).isEqualTo(plain.getLatestCharge());
        assertThat(charge.getPaymentIntent()).isEqualTo(intentId);
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        BalanceTransaction balance = charge.getBalanceTransactionObject();
        long fee = Math.round(2500 * 0.029) + 30;
        assertThat(balance.getFee()).isEqualTo(fee).isEqualTo(StripeStandIn.feeFor(2500));
        assertThat(balance.getNet()).isEqualTo(2500 - fee);
        assertThat(balance.getFeeDetails()).singleElement()
                .satisfies(detail -> assertThat(detail.getType()).isEqualTo("stripe_fee"));

        PaymentIntent chargeOnly = stripe.v1().paymentIntents().retrieve(intentId,
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build());
        assertThat(chargeOnly.getLatestChargeObject().getBalanceTransaction()).startsWith("txn_");
        assertThat(chargeOnly.getLatestChargeObject().getBalanceTransactionObject()).isNull();

        assertThat(StripeStandIn.retrieveRequestsFor(intentId)).isEqualTo(3);
    }

    @Test
    void restubbingAnIntentReplacesTheEarlierAnswer() throws StripeException {
        String intentId = StripeStandIn.intentIdFor(paymentId);
        StripeStandIn.stubRetrieve(intentId, "processing", 2500, "eur", metadata());
        StripeStandIn.stubRetrieve(intentId, "canceled", 2500, "eur", metadata());

        PaymentIntent canceled = stripe.v1().paymentIntents().retrieve(intentId);

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCanceledAt()).isNotNull();
        assertThat(canceled.getLatestCharge()).isNull();
    }

    @Test
    void anUnknownIntentIsNotFound() {
        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class,
                () -> stripe.v1().paymentIntents().retrieve("pi_unknown"));

        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getCode()).isEqualTo("resource_missing");
        assertThat(missing.getStripeError().getMessage()).isEqualTo("No such payment_intent: 'pi_unknown'");
    }

    @Test
    void aSlowRetrieveSurfacesAsApiConnectionException() {
        String intentId = StripeStandIn.intentIdFor(paymentId);
        StripeStandIn.stubRetrieve(intentId, "succeeded", 2500, "eur", metadata());
        StripeStandIn.timeOutRetrieve(intentId);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve(intentId))
                .isInstanceOf(ApiConnectionException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void resetDropsPerTestStubsButKeepsTheDefaults() throws StripeException {
        StripeStandIn.declineCreateFor(bookingId);
        String intentId = StripeStandIn.intentIdFor(paymentId);
        StripeStandIn.stubRetrieve(intentId, "succeeded", 2500, "eur", metadata());

        StripeStandIn.reset();

        assertThat(create(paymentId).getStatus()).isEqualTo("requires_payment_method");
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve(intentId)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unrecognized request URL (GET: /v1/customers/cus_x)");
    }

    @Test
    void theInitializerPointsASpringContextAtTheStandInOverEverythingElse() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("application",
                    Map.of("soiree.payments.provider", "fake", "soiree.stripe.api-base", "https://api.stripe.com")));

            new StripeStandIn.Properties().initialize(context);

            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("soiree.payments.provider")).isEqualTo("stripe");
            assertThat(environment.getProperty("soiree.stripe.api-base")).isEqualTo(StripeStandIn.apiBase());
            assertThat(environment.getProperty("soiree.stripe.secret-key")).isEqualTo(StripeStandIn.SECRET_KEY);
            assertThat(environment.getProperty("soiree.stripe.webhook-secret")).isEqualTo(StripeStandIn.WEBHOOK_SECRET);
            assertThat(Duration.parse(environment.getProperty("soiree.stripe.read-timeout"))).isEqualTo(Duration.ofSeconds(2));
        }
    }

    // ---- Webhooks ----------------------------------------------------------------------------------------------

    static Stream<Arguments> paymentIntentEvents() {
        return Stream.of(
                event("payment_intent.created", "requires_payment_method", StripeEvents::paymentIntentCreated),
                event("payment_intent.processing", "processing", StripeEvents::paymentIntentProcessing),
                event("payment_intent.succeeded", "succeeded", StripeEvents::paymentIntentSucceeded),
                event("payment_intent.payment_failed", "requires_payment_method", StripeEvents::paymentIntentPaymentFailed),
                event("payment_intent.canceled", "canceled", StripeEvents::paymentIntentCanceled));
    }

    private static Arguments event(String type, String status, PaymentIntentEvent factory) {
        return Arguments.of(type, status, factory);
    }

    @FunctionalInterface
    interface PaymentIntentEvent {
        EventPayload build(String intentId, long amount, String currency, Map<String, String> metadata);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paymentIntentEvents")
    void signedPaymentIntentEventsAreAcceptedAndDeserialized(String type, String status, PaymentIntentEvent factory)
            throws SignatureVerificationException {
        String intentId = StripeStandIn.intentIdFor(paymentId);
        EventPayload sent = factory.build(intentId, 2500, "eur", metadata());

        Event event = Webhook.constructEvent(sent.payload(),
                StripeEvents.signatureHeader(sent.payload(), StripeStandIn.WEBHOOK_SECRET, Instant.now().getEpochSecond()),
                StripeStandIn.WEBHOOK_SECRET, 300);

        assertThat(event.getId()).isEqualTo(sent.id()).startsWith("evt_");
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(event.getLivemode()).isFalse();
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object).isInstanceOfSatisfying(PaymentIntent.class, intent -> {
            assertThat(intent.getId()).isEqualTo(intentId);
            assertThat(intent.getStatus()).isEqualTo(status);
            assertThat(intent.getAmount()).isEqualTo(2500L);
            assertThat(intent.getCurrency()).isEqualTo("eur");
            assertThat(intent.getMetadata()).containsExactlyInAnyOrderEntriesOf(metadata());
        });
    }

    @Test
    void aFailedPaymentCarriesTheDecline() throws SignatureVerificationException {
        EventPayload sent = StripeEvents.paymentIntentPaymentFailed("pi_failed", 2500, "eur", metadata());

        Event event = Webhook.constructEvent(sent.payload(), sent.signatureHeader(), StripeStandIn.WEBHOOK_SECRET, 300);

        PaymentIntent intent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(intent.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(intent.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");
        assertThat(intent.getLastPaymentError().getType()).isEqualTo("card_error");
        assertThat(intent.getLastPaymentError().getPaymentMethod().getCard().getLast4()).isEqualTo("0002");
        assertThat(intent.getPaymentMethod()).isNull();
    }

    @Test
    void anEventOfAnotherTypeIsAcceptedToo() throws SignatureVerificationException {
        EventPayload sent = StripeEvents.customerCreated("cus_standin", Map.of("soiree_booking_id", bookingId));

        Event event = Webhook.constructEvent(sent.payload(), sent.signatureHeader(), StripeStandIn.WEBHOOK_SECRET, 300);

        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(event.getDataObjectDeserializer().getObject()).get().isInstanceOf(Customer.class);
    }

    @Test
    void anEventForAnotherApiVersionIsVerifiedButNotDeserialized() throws SignatureVerificationException {
        EventPayload sent = StripeEvents.event("payment_intent.succeeded", "2020-08-27", Map.of(
                "id", "pi_old", "object", "payment_intent"));

        Event event = Webhook.constructEvent(sent.payload(), sent.signatureHeader(), StripeStandIn.WEBHOOK_SECRET, 300);

        assertThat(event.getDataObjectDeserializer().getObject()).isEmpty();
    }

    @Test
    void aTamperedPayloadIsRejected() {
        EventPayload sent = StripeEvents.paymentIntentSucceeded("pi_x", 2500, "eur", metadata());
        String header = sent.signatureHeader();
        String tampered = sent.payload().replace("\"amount\":2500", "\"amount\":1");

        assertThat(tampered).isNotEqualTo(sent.payload());
        assertThatThrownBy(() -> Webhook.constructEvent(tampered, header, StripeStandIn.WEBHOOK_SECRET, 300))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aSignatureWithAnotherSecretIsRejected() {
        EventPayload sent = StripeEvents.paymentIntentSucceeded("pi_x", 2500, "eur", metadata());
        String header = StripeEvents.signatureHeader(sent.payload(), "whsec_other", Instant.now().getEpochSecond());

        assertThatThrownBy(() -> Webhook.constructEvent(sent.payload(), header, StripeStandIn.WEBHOOK_SECRET, 300))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aStaleTimestampIsRejectedUnlessTheClockSaysOtherwise() throws SignatureVerificationException {
        EventPayload sent = StripeEvents.paymentIntentSucceeded("pi_x", 2500, "eur", metadata());
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(10));
        String header = sent.signatureHeader(signedAt.getEpochSecond());

        assertThatThrownBy(() -> Webhook.constructEvent(sent.payload(), header, StripeStandIn.WEBHOOK_SECRET, 300))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("tolerance");
        Clock then = Clock.fixed(signedAt.plusSeconds(60), ZoneOffset.UTC);
        assertThat(Webhook.constructEvent(sent.payload(), header, StripeStandIn.WEBHOOK_SECRET, 300, then).getId())
                .isEqualTo(sent.id());
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    private Map<String, String> metadata() {
        return Map.of(
                "soiree_payment_id", paymentId,
                "soiree_booking_id", bookingId,
                "soiree_gathering_id", gatheringId);
    }

    private PaymentIntentCreateParams createParams(String forBooking) {
        return PaymentIntentCreateParams.builder()
                .setAmount(2500L)
                .setCurrency("eur")
                .putMetadata("soiree_payment_id", paymentId)
                .putMetadata("soiree_booking_id", forBooking)
                .putMetadata("soiree_gathering_id", gatheringId)
                .setAutomaticPaymentMethods(
                        PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
    }

    /** A create as Soiree's production code sends it: the payment id is the idempotency key. */
    private PaymentIntent create(String idempotencyKey) throws StripeException {
        return create(idempotencyKey, bookingId);
    }

    private PaymentIntent create(String idempotencyKey, String forBooking) throws StripeException {
        return stripe.v1().paymentIntents().create(createParams(forBooking),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
    }
}
