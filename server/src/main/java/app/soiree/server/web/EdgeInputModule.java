package app.soiree.server.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place where every string and every instant of a JSON request body is checked against
 * {@link InputRules}, whatever record or field it lands in (nested ones, list elements and map keys
 * included). A refusal is a {@link RefusedValueException}, which {@link ProblemDetailsAdvice} answers
 * as 400 VALIDATION_FAILED naming the JSON path of the value.
 *
 * <p>Registered only with the HTTP API's JSON mapper: the event store has its own mapper and must
 * keep reading whatever it once stored.
 */
public class EdgeInputModule extends SimpleModule {

    public EdgeInputModule() {
        super("soiree-edge-input");
        addDeserializer(String.class, new CheckedStringDeserializer());
        addDeserializer(Instant.class, new BoundedInstantDeserializer(InstantDeserializer.INSTANT));
        addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                if (!InputRules.isAcceptableText(key)) {
                    throw new RefusedValueException(context.getParser(), InputRules.CONTROL_CHARACTER_MESSAGE);
                }
                return key;
            }
        });
    }

    /** A value the edge refuses; its path (filled in by Jackson as it unwinds) names the field. */
    public static final class RefusedValueException extends MismatchedInputException {

        private final String reason;

        RefusedValueException(@Nullable JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (!InputRules.isAcceptableText(text)) {
                throw new RefusedValueException(parser, InputRules.CONTROL_CHARACTER_MESSAGE);
            }
            return text;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    private static final class BoundedInstantDeserializer extends StdDeserializer<Instant> {

        private final ValueDeserializer<?> delegate;

        BoundedInstantDeserializer(ValueDeserializer<?> delegate) {
            super(Instant.class);
            this.delegate = delegate;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual = delegate.createContextual(context, property);
            return contextual == delegate ? this : new BoundedInstantDeserializer(contextual);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            Instant instant = (Instant) delegate.deserialize(parser, context);
            if (!InputRules.isAcceptableInstant(instant)) {
                throw new RefusedValueException(parser, InputRules.INSTANT_RANGE_MESSAGE);
            }
            return instant;
        }
    }
}
