package app.soiree.server.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;

/**
 * Asks the application's request mappings before the actuator's. Spring Boot puts the actuator's first (order -100), so
 * every API request was first looked up among the health and info endpoints: its path is none of theirs, so each of
 * their mappings was tried in full (method, headers, the Accept header against what they produce, and only then the
 * path) and a no-match report built, about a tenth of a wallet read's CPU (docs/benchmarks.md). The application's own
 * mappings find an API path by a direct lookup; an {@code /actuator} path, asked rarely, now passes through them
 * first. No application mapping claims {@code /actuator/**}, so the actuator still answers it (ActuatorMappingsLastTest).
 */
final class ActuatorMappingsLast implements BeanPostProcessor {

    /** After {@code RequestMappingHandlerMapping} (0), before the URL and resource mappings (2 and later). */
    static final int ORDER = 1;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractWebMvcEndpointHandlerMapping actuatorMapping) {
            actuatorMapping.setOrder(ORDER);
        }
        return bean;
    }
}
