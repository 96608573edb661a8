package app.soiree.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With the application running, Logback has no turbo filter: each one is asked at every level check in the process,
 * logged or not (Micrometer's log event counter was one; its auto-configuration is excluded in application.yml).
 */
@IntegrationTest
class LevelChecksWithoutTurboFiltersTest {

    @Test
    void theRunningApplicationAddsNoTurboFilterToLogback() {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(logback.getTurboFilterList()).isEmpty();
    }
}
