package app.soiree.server.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Without the console role, nothing outside the API and its documentation is served, and this
 * process keeps its own security context strategy. The console (Vaadin) replaces the JVM-wide
 * {@link SecurityContextHolder} strategy when it starts; a second application in the same JVM (the
 * tests run several) whose method security still read the JVM-wide one would then find no
 * authentication and answer 401. Spring Security's filters and method security use this bean instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "soiree.role.console", havingValue = false)
class NoConsoleSecurityConfiguration {

    @Bean
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        return new ThisApplicationsSecurityContexts();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/error").permitAll().anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    /** One thread's security context per request, held by this application alone (Spring's own class for it is not public). */
    static final class ThisApplicationsSecurityContexts implements SecurityContextHolderStrategy {
        private final ThreadLocal<SecurityContext> contexts = new ThreadLocal<>();

        @Override
        public void clearContext() {
            contexts.remove();
        }

        @Override
        public SecurityContext getContext() {
            SecurityContext context = contexts.get();
            if (context == null) {
                context = createEmptyContext();
                contexts.set(context);
            }
            return context;
        }

        @Override
        public void setContext(SecurityContext context) {
            contexts.set(context);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }
}
