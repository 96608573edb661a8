package app.soiree.command.payout.stripe;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.provider.ProviderInbox;
import app.soiree.command.provider.stripe.StripeProperties;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's Connect webhooks: events that happen on the hosts' connected accounts ({@code account.updated}).
 * Stripe sends them to a separate endpoint with its own signing secret
 * ({@code soiree.stripe.connect-webhook-secret}, by default the account endpoint's). Verified on the raw
 * bytes like the account endpoint, and committed to the same inbox before Stripe hears 2xx.
 */
@RestController
@Conditional(ProviderSelection.StripeSelected.class)
@Tag(name = "Webhooks")
class StripeConnectWebhookController {

    private final ProviderInbox inbox;
    private final StripeProperties properties;
    private final String secret;
    private final Clock clock;

    StripeConnectWebhookController(ProviderInbox inbox, StripeProperties properties, Clock clock,
                                   @Value("${soiree.stripe.connect-webhook-secret:}") String connectSecret) {
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
        this.secret = connectSecret.isBlank() ? String.valueOf(properties.webhookSecret()) : connectSecret;
    }

    @PostMapping("/api/webhooks/stripe/connect")
    @Operation(summary = "Stripe Connect events (connected accounts), verified by their Stripe-Signature; 400 on a bad signature, "
            + "200 once stored")
    Receipt receive(@RequestBody byte[] body, @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new SoireeException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "The Stripe-Signature header is missing");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException | JsonParseException e) {
            throw new SoireeException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "The Stripe-Signature does not verify this body");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A Stripe event needs an id and a type");
        }
        boolean stored = inbox.receive(event.getId(), event.getType(), payload);
        return new Receipt(event.getId(), !stored);
    }

    record Receipt(String eventId, boolean duplicate) {
    }
}
