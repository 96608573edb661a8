package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Saga instances get their {@code @Autowired} fields from beans resolved once per class; a class with another kind of
 * injection point is autowired by the bean factory, as Axon's own injector does.
 */
class SagaResourcesTest {

    @Test
    void everyInstanceGetsTheBeansItsFieldsName() {
        try (var context = new AnnotationConfigApplicationContext(Resources.class)) {
            SagaResources injector = new SagaResources(context.getAutowireCapableBeanFactory());
            PlainSaga first = new PlainSaga();
            PlainSaga second = new PlainSaga();

            injector.injectResources(first);
            injector.injectResources(second);

            assertThat(first.gateway).isSameAs(context.getBean(Gateway.class));
            assertThat(first.inherited).isSameAs(context.getBean(Properties.class));
            assertThat(first.optional).as("an optional resource no bean provides").isNull();
            assertThat(second.gateway).isSameAs(first.gateway);
            assertThat(second.inherited).isSameAs(first.inherited);
        }
    }

    @Test
    void aSagaWithAnotherKindOfInjectionPointIsAutowiredByTheBeanFactory() {
        try (var context = new AnnotationConfigApplicationContext(Resources.class)) {
            SagaResources injector = new SagaResources(context.getAutowireCapableBeanFactory());
            SagaWithValue saga = new SagaWithValue();

            injector.injectResources(saga);

            assertThat(saga.gateway).isSameAs(context.getBean(Gateway.class));
            assertThat(saga.greeting).isEqualTo("hello");
            assertThat(saga.viaMethod).isSameAs(context.getBean(Properties.class));
        }
    }

    /** The platform's sagas are given their resources this way. */
    @Nested
    @IntegrationTest
    class InThePlatform {

        @Autowired
        Configuration axon;

        @Test
        void axonInjectsSagaResourcesThroughIt() {
            assertThat(axon.resourceInjector()).isInstanceOf(SagaResources.class);
        }
    }

    static class Resources {
        @Bean
        Gateway gateway() {
            return new Gateway();
        }

        @Bean
        Properties properties() {
            return new Properties();
        }
    }

    static class Gateway {
    }

    static class Properties {
    }

    static class Unprovided {
    }

    static class BaseSaga {
        @Autowired
        transient Properties inherited;
    }

    static class PlainSaga extends BaseSaga {
        @Autowired
        transient Gateway gateway;
        @Autowired(required = false)
        transient Unprovided optional;
    }

    static class SagaWithValue {
        @Autowired
        transient Gateway gateway;
        @Value("#{'hello'}")
        transient String greeting;
        transient Properties viaMethod;

        @Autowired
        void properties(Properties properties) {
            this.viaMethod = properties;
        }
    }
}
