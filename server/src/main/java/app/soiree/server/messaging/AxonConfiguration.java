package app.soiree.server.messaging;

import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import app.soiree.api.identity.Actor;
import app.soiree.server.web.SoireeJsonModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's buses and stores as every role needs them: serializers, correlation of metadata from each
 * message to the messages it causes, and the interceptors that attribute commands to their sender.
 * Stores (events, tokens, sagas, dead letters, deadlines) are Axon's JPA and db-scheduler ones in
 * PostgreSQL, or Axon Server under the {@code axonserver} profile.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Jackson 3 refuses polymorphic types it was not told to trust; Axon's tracking tokens (a replay
     * token wraps others) are polymorphic. Trust exactly Axon's and Soiree's own types.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonTypes() {
        return builder -> builder
                .addModule(new SoireeJsonModule())
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("app.soiree.")
                        .build());
    }

    /** Declared explicitly: Axon's default correlationId/traceId provider backs off once any provider is declared. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Every message caused by a command or event carries the same acting user as its cause. */
    @Bean
    CorrelationDataProvider actingUser() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID_KEY, Actor.ROLES_KEY);
    }
}
