package app.soiree.command.payment.simulated;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.Money;
import app.soiree.api.payment.CapturePayment;
import app.soiree.api.payment.DeclinePayment;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import java.util.Currency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's {@code payment.succeeded} and {@code payment.failed}, as written by {@link SimulatedPaymentProvider#settle}. */
public class SimulatedPaymentEvents implements ProviderEventTranslator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ProviderName provider() {
        return ProviderName.SIMULATED;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("payment.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        JsonNode event = JSON.readTree(payload);
        PaymentId paymentId = PaymentId.of(event.path("paymentId").asString());
        String reference = event.path("reference").asString();
        Money amount = new Money(event.path("amount").asLong(), Currency.getInstance(event.path("currency").asString()));
        return switch (type) {
            case "payment.succeeded" -> ProviderEvent.command(eventId, type, new CapturePayment(paymentId, reference, amount, null, eventId));
            case "payment.failed" -> ProviderEvent.command(eventId, type,
                    new DeclinePayment(paymentId, "declined by the simulated provider", eventId));
            default -> ProviderEvent.ignored(eventId, type);
        };
    }
}
