package app.soiree.command.provider.stripe;

import app.soiree.api.Money;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.ApiResource;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reading stored Stripe event payloads, shared by the translators of each family of events. */
public final class StripeEventPayloads {

    private StripeEventPayloads() {
    }

    public static Event parse(String payload) {
        return ApiResource.GSON.fromJson(payload, Event.class);
    }

    /** The event's object (a PaymentIntent, Refund, Dispute, Account, Transfer …). */
    public static <T extends StripeObject> T dataObject(Event event, Class<T> type) {
        // Events written with another API version than the SDK's do not deserialize safely; the fields
        // read here (ids, statuses, amounts, metadata) are stable across versions.
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalStateException("Stripe event " + event.getId() + " has an unreadable object", e);
            }
        });
        if (!type.isInstance(object)) {
            throw new IllegalStateException("Stripe event " + event.getId() + " of type " + event.getType() + " carries a "
                    + object.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** One of Soiree's ids from an object's metadata; null when absent or not ours (not a UUID). */
    public static <I> @Nullable I idFrom(@Nullable Map<String, String> metadata, String key, Function<String, I> parse) {
        String value = metadata == null ? null : metadata.get(key);
        try {
            return value == null ? null : parse.apply(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    public static Money money(Long amountMinor, String currency) {
        return new Money(amountMinor, Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }

    public static String currencyParameter(Money money) {
        return money.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }
}
