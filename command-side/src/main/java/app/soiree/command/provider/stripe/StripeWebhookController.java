package app.soiree.command.provider.stripe;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.command.provider.ProviderSelection;
import app.soiree.command.provider.ProviderInbox;
import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks. The signature is checked on the raw bytes exactly as they arrived (parsing first
 * would change them), with the configured secret and tolerance; nothing about an unsigned or stale
 * request is stored. A verified event is committed to the inbox before Stripe hears 2xx.
 */
@RestController
@Conditional(ProviderSelection.StripeSelected.class)
@Tag(name = "Webhooks")
class StripeWebhookController {

    private final ProviderInbox inbox;
    private final StripeProperties properties;
    private final Clock clock;

    StripeWebhookController(ProviderInbox inbox, StripeProperties properties, Clock clock) {
        this.inbox = inbox;
        this.properties = properties;
        this.clock = clock;
        if (properties.webhookSecret() == null || properties.webhookSecret().isBlank()) {
            throw new IllegalStateException("soiree.payments.provider is stripe but soiree.stripe.webhook-secret is not set");
        }
    }

    @PostMapping("/api/webhooks/stripe")
    @Operation(summary = "Stripe events, verified by their Stripe-Signature; 400 on a bad signature, 200 once stored")
    WebhookReceipt receive(@RequestBody byte[] body, @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new SoireeException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "The Stripe-Signature header is missing");
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, properties.webhookSecret(), properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException | JsonParseException e) {
            throw new SoireeException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "The Stripe-Signature does not verify this body");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A Stripe event needs an id and a type");
        }
        boolean stored = inbox.receive(event.getId(), event.getType(), payload);
        return new WebhookReceipt(event.getId(), !stored);
    }

    record WebhookReceipt(String eventId, boolean duplicate) {
    }
}
