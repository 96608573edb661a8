package app.soiree.server.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code soiree.roles} (default {@code command,query,console}) and publishes one flag per side,
 * {@code soiree.role.command}, {@code soiree.role.query} and {@code soiree.role.console}, which each
 * side's auto-configuration is conditional on. An unknown role stops the start-up: a typo must not
 * silently produce a replica that does nothing.
 * <p>
 * It also switches db-scheduler (Axon's deadlines) off in every process without the {@code command}
 * role: only such a process hosts the aggregates and sagas a deadline is for.
 */
public class SoireeRoles implements EnvironmentPostProcessor, Ordered {

    public static final Set<String> KNOWN = Set.of("command", "query", "console");
    static final List<String> DEFAULT = List.of("command", "query", "console");
    private static final String VAADIN_AUTO_CONFIGURATIONS =
            "com.vaadin.flow.spring.SpringBootAutoConfiguration,com.vaadin.flow.spring.SpringSecurityAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> roles = Binder.get(environment)
                .bind("soiree.roles", Bindable.listOf(String.class))
                .orElse(DEFAULT)
                .stream()
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .toList();
        for (String role : roles) {
            if (!KNOWN.contains(role)) {
                throw new IllegalStateException(
                        "soiree.roles contains unknown role '" + role + "'; known roles are " + KNOWN);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("soiree.roles is empty; name at least one of " + KNOWN);
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String role : KNOWN) {
            flags.put("soiree.role." + role, roles.contains(role));
        }
        // Deadlines (db-scheduler) run only where the aggregates and sagas they are addressed to live: a process
        // without them would pick a deadline up, find no one to hand it to, and drop it without a word.
        boolean runsDeadlines = roles.contains("command")
                && environment.getProperty("db-scheduler.enabled", Boolean.class, true);
        flags.put("db-scheduler.enabled", runsDeadlines);
        if (!roles.contains("console")) {
            // Without the console role the Vaadin servlet and its security integration stay out entirely.
            String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
            flags.put("spring.autoconfigure.exclude", String.join(",", excluded.isBlank() ? List.of(VAADIN_AUTO_CONFIGURATIONS)
                    : List.of(excluded, VAADIN_AUTO_CONFIGURATIONS)));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("soireeRoles", flags));
    }

    @Override
    public int getOrder() {
        // After application.properties and the environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
