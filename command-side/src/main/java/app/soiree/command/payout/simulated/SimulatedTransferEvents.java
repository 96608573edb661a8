package app.soiree.command.payout.simulated;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.Money;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.ReversePayout;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import java.util.Currency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's {@code transfer.reversed}, as written by {@link SimulatedPayoutProvider#reverse}. */
public class SimulatedTransferEvents implements ProviderEventTranslator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ProviderName provider() {
        return ProviderName.SIMULATED;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.startsWith("transfer.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        if (!type.equals("transfer.reversed")) {
            return ProviderEvent.ignored(eventId, type);
        }
        JsonNode event = JSON.readTree(payload);
        Money reversed = new Money(event.path("amountReversed").asLong(), Currency.getInstance(event.path("currency").asString()));
        return ProviderEvent.command(eventId, type, new ReversePayout(PayoutId.of(event.path("payoutId").asString()),
                event.path("reference").asString(), reversed, eventId));
    }
}
