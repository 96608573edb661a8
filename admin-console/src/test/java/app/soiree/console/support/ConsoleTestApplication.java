package app.soiree.console.support;

import app.soiree.console.audit.TestChainVerifications;
import app.soiree.console.dispute.TestDisputes;
import app.soiree.console.lookup.TestGatheringHistory;
import app.soiree.console.lookup.TestTimelines;
import app.soiree.console.moderation.TestModeration;
import app.soiree.console.notification.TestNotifications;
import app.soiree.console.operations.TestParkedEvents;
import app.soiree.console.operations.TestSkippedNotifications;
import app.soiree.console.payout.TestPayouts;
import app.soiree.console.promotion.TestPromotions;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The console alone, as the server runs it (its auto-configuration, Vaadin, Spring Security, Axon's
 * in-process command and query buses), with test handlers standing in for the platform behind the
 * gateways: the views are what these tests are about.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({TestLedger.class, TestDirectory.class, TestDisputes.class, TestPayouts.class, TestParkedEvents.class,
        TestModeration.class, TestNotifications.class, TestPromotions.class, TestTimelines.class,
        TestChainVerifications.class, TestGatheringHistory.class, TestSkippedNotifications.class})
public class ConsoleTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
