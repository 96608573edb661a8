package app.soiree.command.refund.simulated;

import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.ConfirmRefund;
import app.soiree.api.refund.FailRefund;
import app.soiree.api.refund.RefundId;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import app.soiree.command.provider.ProviderName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's {@code refund.succeeded} and {@code refund.failed}, as written by {@link SimulatedRefundProvider}. */
public class SimulatedRefundEvents implements ProviderEventTranslator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ProviderName provider() {
        return ProviderName.SIMULATED;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("refund.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        JsonNode event = JSON.readTree(payload);
        PaymentId paymentId = PaymentId.of(event.path("paymentId").asString());
        RefundId refundId = RefundId.of(event.path("refundId").asString());
        String reference = event.path("reference").asString();
        return switch (type) {
            case SimulatedRefundProvider.SUCCEEDED_EVENT -> ProviderEvent.command(eventId, type,
                    new ConfirmRefund(paymentId, refundId, reference, eventId));
            case SimulatedRefundProvider.FAILED_EVENT -> ProviderEvent.command(eventId, type, FailRefund.reported(paymentId, refundId,
                    event.path("failureReason").asString(SimulatedRefundProvider.FAILURE_REASON), eventId));
            default -> ProviderEvent.ignored(eventId, type);
        };
    }
}
