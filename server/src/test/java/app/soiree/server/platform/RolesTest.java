package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.SoireeApplication;
import app.soiree.server.support.Api;
import app.soiree.server.support.FreshDataDirectory;
import java.util.Map;
import java.util.UUID;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code soiree.roles} decides what a process runs; a replica with one role has nothing of the others. */
class RolesTest {

    @Test
    void aQueryOnlyServerRegistersNoAggregatesAndServesNoCommandsOrConsole() {
        try (ConfigurableApplicationContext context = start("query")) {
            assertThat(context.getBeanNamesForAnnotation(Aggregate.class)).isEmpty();
            assertThat(context.containsBean("identityController")).isFalse();
            assertThat(context.containsBean("userProfileProjection")).isTrue();
            assertThat(context.containsBean("consoleSecurity")).isFalse();
            // No deadlines here: no aggregate or saga would receive them. Scheduling one is refused.
            assertThat(context.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).isEmpty();
            assertThat(context.getBean(org.axonframework.deadline.DeadlineManager.class).getClass().getSimpleName())
                    .isEqualTo("RefusingDeadlineManager");

            Api api = new Api(port(context));
            Api.Response register = api.post("/api/auth/register", null,
                    Map.of("email", "q." + UUID.randomUUID() + "@soiree.test", "password", "long enough password", "displayName", "Q"));
            assertThat(register.status()).isEqualTo(404);
            assertThat(api.get("/api/me", null).status()).isEqualTo(401);
            assertThat(api.get("/console/", null).status()).isIn(401, 403, 404);
            assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aCommandOnlyServerHasAggregatesButNoProjectionsOrConsole() {
        try (ConfigurableApplicationContext context = start("command")) {
            assertThat(context.getBeanNamesForAnnotation(Aggregate.class)).contains("user");
            assertThat(context.containsBean("userProfileProjection")).isFalse();
            assertThat(context.containsBean("consoleSecurity")).isFalse();
            assertThat(context.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).hasSize(1);
            assertThat(context.getBean(org.axonframework.deadline.DeadlineManager.class))
                    .isInstanceOf(org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager.class);

            Api api = new Api(port(context));
            Api.Session user = api.newUser("Commander");
            assertThat(api.get("/api/me", user.accessToken()).status()).isEqualTo(404);
        }
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> start("command,reporting").close())
                .hasStackTraceContaining("unknown role 'reporting'");
    }

    private static ConfigurableApplicationContext start(String roles) {
        return new SpringApplicationBuilder(SoireeApplication.class)
                .profiles("test")
                .initializers(new FreshDataDirectory())
                .run("--soiree.roles=" + roles, "--server.port=0");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
