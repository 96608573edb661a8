package app.soiree.command.dispute.simulated;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordProviderDispute;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's {@code dispute.created}, {@code dispute.updated} and {@code dispute.closed}, as written by
 * {@link SimulatedDisputes}. Like Stripe's, each carries the whole dispute and becomes the same command.
 */
public class SimulatedDisputeEvents implements ProviderEventTranslator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ProviderName provider() {
        return ProviderName.SIMULATED;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("dispute.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        JsonNode event = JSON.readTree(payload);
        String reference = event.path("dispute").asString();
        ProviderDisputeStatus status = ProviderDisputeStatus.valueOf(event.path("status").asString().toUpperCase(Locale.ROOT));
        return ProviderEvent.command(eventId, type, new RecordProviderDispute(PaymentId.of(event.path("paymentId").asString()),
                DisputeId.forProviderDispute(ProviderName.SIMULATED.code(), reference), reference,
                new Money(event.path("amount").asLong(), Currency.getInstance(event.path("currency").asString())),
                event.path("reason").asString(), status, Instant.parse(event.path("evidenceDueBy").asString()),
                Instant.parse(event.path("reportedAt").asString()), eventId));
    }
}
