package app.soiree.server.support;

import app.soiree.server.support.stripe.StripeStandIn;
import app.soiree.server.support.twilio.TwilioStandIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform with Stripe as its payment provider, the real stripe-java SDK talking to a local
 * WireMock that answers like Stripe. Holds are short here (6 s), so that expiry paths run within a test;
 * unanswered provider calls are reconciled after a second. Notifications go out for real too: email over SMTP to GreenMail
 * ({@link SmtpStandIn}), SMS and WhatsApp through the real Twilio SDK to a WireMock ({@link TwilioStandIn}). All classes
 * with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "soiree.roles=command,query", // no console: Vaadin would take over the JVM-wide security context of the other test context
        "soiree.booking.hold-duration=PT6S",
        "soiree.payments.reconcile-after=PT1S",
        "soiree.payments.inbox-poll-interval=PT1S"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = {FreshDataDirectory.class, StripeStandIn.Properties.class, SmtpStandIn.Properties.class,
        TwilioStandIn.Properties.class})
public @interface StripeIntegrationTest {
}
