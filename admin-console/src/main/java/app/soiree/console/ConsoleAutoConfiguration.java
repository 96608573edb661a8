package app.soiree.console;

import app.soiree.console.layout.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Switches the console on when this process runs the {@code console} role. Staff sign in with a
 * session (form login, CSRF on); the API's bearer tokens play no part here.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("soiree.role.console")
// Vaadin discovers routes in the auto-configuration packages.
@AutoConfigurationPackage(basePackageClasses = ConsoleAutoConfiguration.class)
@ComponentScan(basePackageClasses = ConsoleAutoConfiguration.class,
        excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
public class ConsoleAutoConfiguration {

    /**
     * Vaadin's own executor (virtual threads, as Vaadin makes it when it finds none). Named, because Vaadin refuses to
     * start when the process has several executors (the socket's channels add theirs) and would otherwise borrow
     * whichever single one it finds, such as the command side's provider-event pool.
     */
    @Bean("VaadinTaskExecutor")
    SimpleAsyncTaskExecutor vaadinTaskExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("VaadinTaskExecutor-thread-");
        executor.setVirtualThreads(true);
        return executor;
    }

    /** The console's stylesheets under {@code /console/} (see {@link ConsoleStylesheets}). */
    @Bean
    ConsoleStylesheets consoleStylesheets() {
        return new ConsoleStylesheets();
    }

    /** Everything not matched by the API and documentation chains: last in order, as Vaadin requires. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        // The stylesheets of the app shell (ConsoleShell) style the sign-in page too, before anyone has signed in: linked
        // under /console/, and forwarded from there to the root copies (ConsoleStylesheets), which the forward must reach.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/", "/error",
                        ConsoleStylesheets.PREFIX + ConsoleStylesheets.OWN, ConsoleStylesheets.PREFIX + ConsoleStylesheets.LUMO + "**",
                        ConsoleStylesheets.OWN, ConsoleStylesheets.LUMO + "**")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/console/"));
        return http.build();
    }
}
