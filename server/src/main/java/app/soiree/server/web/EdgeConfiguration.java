package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import app.soiree.server.persistence.DatabaseReachability;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The edge of the HTTP server: what every request must satisfy before any controller runs, and the
 * problem+json answers of the layers below Spring MVC (the container, Spring Security's firewall).
 */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration implements WebMvcConfigurer {

    /**
     * Instants in query parameters and path variables obey the same range as those of a body. A refusal
     * is a conversion failure, answered as 400 MALFORMED_REQUEST naming the parameter.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        InstantFormatter iso = new InstantFormatter();
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) throws ParseException {
                Instant instant = iso.parse(text, locale);
                if (!InputRules.isAcceptableInstant(instant)) {
                    throw new IllegalArgumentException("Instant out of range");
                }
                return instant;
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return iso.print(instant, locale);
            }
        });
    }

    /** Static: a post-processor is made before the beans it processes. */
    @Bean
    static ActuatorMappingsLast actuatorMappingsLast() {
        return new ActuatorMappingsLast();
    }

    /** The application's request mappings, passing over at once those whose paths cannot match; see {@link PrefixCheckedMappings}. */
    @Bean
    WebMvcRegistrations prefixCheckedMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixCheckedMappings();
            }
        };
    }

    /** Checks every string and instant of a JSON request body; see {@link InputRules}. */
    @Bean
    EdgeInputModule edgeInputModule() {
        return new EdgeInputModule();
    }

    /** The API requests being answered ({@link RequestsInFlight}), counted from the first filter on. */
    @Bean
    RequestsInFlight requestsInFlight() {
        return new RequestsInFlight();
    }

    @Bean
    FilterRegistrationBean<RequestsInFlight> requestsInFlightFilter(RequestsInFlight requests) {
        FilterRegistrationBean<RequestsInFlight> registration = new FilterRegistrationBean<>(requests);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** First of all filters but the count, before Spring Security: nothing may parse a query string this one refuses. */
    @Bean
    FilterRegistrationBean<RequestLineFilter> requestLineFilter() {
        FilterRegistrationBean<RequestLineFilter> registration = new FilterRegistrationBean<>(new RequestLineFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${soiree.http.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Right after the request line and body checks: while the database is known to be unreachable, nothing else runs. */
    @Bean
    FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(DatabaseReachability database) {
        FilterRegistrationBean<DatabaseDownFilter> registration = new FilterRegistrationBean<>(new DatabaseDownFilter(database));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** After the database check, before security: a token's verification is part of the CPU a read is let in for. */
    @Bean
    FilterRegistrationBean<ReadAdmissionFilter> readAdmissionFilter(@Value("${soiree.http.concurrent-reads:0}") int concurrentReads,
                                                                    @Value("${soiree.http.read-admission-max-wait:1s}") Duration maxWait) {
        int permits = concurrentReads > 0 ? concurrentReads : 2 * Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<ReadAdmissionFilter> registration = new FilterRegistrationBean<>(new ReadAdmissionFilter(permits, maxWait));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** Paths the firewall refuses ({@code //}, encoded dots, {@code ;jsessionid=}) are the client's 400. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ProblemDetails.write(response,
                ProblemDetails.of(ErrorCode.MALFORMED_REQUEST, "The request path or headers are not acceptable."));
    }

    /**
     * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report on the host. Runs after
     * Spring Boot's own customizer, which adds a plain {@link ErrorReportValve}: that one is removed.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    if (!(context.getParent() instanceof StandardHost host)) {
                        return;
                    }
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve());
                });
            }
        };
    }
}
