package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Background processors' threads yield to requests and to the foreground processors (soiree.processors.foreground). */
@IntegrationTest
class ProcessorPrioritiesTest {

    @LocalServerPort
    int port;

    @Test
    void backgroundProcessorsRunAtTheLowestPriorityAndNothingElseIsLowered() {
        new Api(port).newUser("Priority Guest"); // a registration: every audit processor and the profiles handle it

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(threads("EventProcessor[audit-chain]")).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.MIN_PRIORITY);
            assertThat(threads("EventProcessor[user-profiles]")).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.MIN_PRIORITY);
        });
        assertThat(threads("EventProcessor[booking-payments]")).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.NORM_PRIORITY);
        assertThat(threads("EventProcessor[ledger]")).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.NORM_PRIORITY);
        // Registration runs subscribing processors on the request's own thread: requests keep their priority.
        assertThat(threads("http-nio-")).isNotEmpty().allMatch(thread -> thread.getPriority() == Thread.NORM_PRIORITY);
    }

    private static List<Thread> threads(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(namePrefix)).toList();
    }
}
