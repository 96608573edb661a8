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

    @Bean
    static BeanPostProcessor sealedEventSerializer(ObjectProvider<JdbcTemplate> jdbc) {
        PersonalKeys keys = new PersonalKeys(jdbc::getObject);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return EVENT_SERIALIZER.equals(beanName) && bean instanceof Serializer events && !(bean instanceof SealingSerializer)
                        ? new SealingSerializer(events, keys) : bean;
            }
        };
    }
}
