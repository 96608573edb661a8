package app.soiree.server.messaging;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seals personal data in the event stream: the serializer Axon uses for events (and only it; Axon names it
 * {@code eventSerializer}) becomes a {@link SealingSerializer} in every role, so each process seals what it
 * writes and opens what it reads, with the personal keys all roles share in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataSealing {

    static final String EVENT_SERIALIZER = "eventSerializer";

    /**
     * The sealing goes inside the wrapping that reads former class names ({@link RenamingSerializer}, applied to every
     * serializer by another post-processor, before or after this one): a renamed event's type is made current before
     * the sealing looks up its personal fields.
     */
    @Bean
    static BeanPostProcessor sealedEventSerializer(ObjectProvider<JdbcTemplate> jdbc) {
        PersonalKeys keys = new PersonalKeys(jdbc::getObject);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!EVENT_SERIALIZER.equals(beanName) || !(bean instanceof Serializer events)) {
                    return bean;
                }
                Serializer inner = events instanceof RenamingSerializer renaming ? renaming.delegate() : events;
                return inner instanceof SealingSerializer ? events : RenamingSerializer.wrap(new SealingSerializer(inner, keys));
            }
        };
    }
}
