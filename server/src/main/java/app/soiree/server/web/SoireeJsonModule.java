package app.soiree.server.web;

import app.soiree.api.Money;
import app.soiree.api.TypedId;
import java.lang.reflect.Constructor;
import java.util.Currency;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * The wire form of Soiree's value types, shared by the HTTP API and the event store: typed ids are
 * bare UUID strings (also as map keys, which aggregate snapshots use), and {@link Money} is
 * {@code {"amount": 2500, "currency": "EUR"}} in minor units.
 */
public class SoireeJsonModule extends SimpleModule {

    public SoireeJsonModule() {
        super("soiree");
        addSerializer(TypedId.class, new ValueSerializer<>() {
            @Override
            public void serialize(TypedId id, JsonGenerator generator, SerializationContext context) {
                generator.writeString(id.value().toString());
            }
        });
        addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
                generator.writeStartObject();
                generator.writeNumberProperty("amount", money.amountMinor());
                generator.writeStringProperty("currency", money.currency().getCurrencyCode());
                generator.writeEndObject();
            }
        });
        addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser parser, DeserializationContext context) {
                JsonNode node = context.readTree(parser);
                JsonNode amount = node.get("amount");
                JsonNode currency = node.get("currency");
                if (amount == null || !amount.isIntegralNumber() || currency == null || !currency.isString()) {
                    return context.reportInputMismatch(Money.class,
                            "Money is {\"amount\": <integer, minor units>, \"currency\": \"<ISO 4217 code>\"}");
                }
                try {
                    return new Money(amount.longValue(), Currency.getInstance(currency.asString()));
                } catch (IllegalArgumentException unknownCurrency) {
                    return context.reportInputMismatch(Money.class, "Unknown currency " + currency.asString());
                }
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new TypedIdDeserializers());
        context.addKeyDeserializers((type, config, description) -> {
            Class<?> raw = type.getRawClass();
            if (!TypedId.class.isAssignableFrom(raw) || !raw.isRecord()) {
                return null;
            }
            Constructor<?> constructor = uuidConstructor(raw);
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    try {
                        return constructor.newInstance(UUID.fromString(key));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        });
    }

    private static Constructor<?> uuidConstructor(Class<?> idType) {
        try {
            return idType.getDeclaredConstructor(UUID.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(idType + " must have a single UUID component", e);
        }
    }

    /** Reads any {@link TypedId} record from its UUID string through the record's constructor. */
    private static final class TypedIdDeserializers extends Deserializers.Base {

        @Override
        public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                         BeanDescription.Supplier description) {
            Class<?> raw = type.getRawClass();
            if (!TypedId.class.isAssignableFrom(raw) || !raw.isRecord()) {
                return null;
            }
            Constructor<?> constructor = uuidConstructor(raw);
            return new ValueDeserializer<Object>() {
                @Override
                public Object deserialize(JsonParser parser, DeserializationContext context) {
                    String text = parser.getValueAsString();
                    try {
                        return constructor.newInstance(UUID.fromString(text));
                    } catch (IllegalArgumentException | NullPointerException notAUuid) {
                        return context.reportInputMismatch(raw, "Not a UUID: " + text);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return TypedId.class.isAssignableFrom(valueType);
        }
    }
}
