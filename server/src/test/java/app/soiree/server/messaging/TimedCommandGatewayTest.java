package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every wait for a command has a deadline, also when the caller names none (issue 13: a timeout on every sendAndWait). */
class TimedCommandGatewayTest {

    private final AsynchronousCommandBus bus = AsynchronousCommandBus.builder().build();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        bus.shutdown();
    }

    @Test
    void aCommandWithoutAnAnswerInTimeFailsWithATimeout() {
        bus.subscribe(String.class.getName(), command -> {
            release.await(10, TimeUnit.SECONDS);
            return "late";
        });
        TimedCommandGateway gateway = new TimedCommandGateway(DefaultCommandGateway.builder().commandBus(bus).build(), Duration.ofMillis(200));

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.sendAndWait("slow")).hasRootCauseInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> gateway.sendAndWait("slow", 1, TimeUnit.HOURS)).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerInTimeIsReturned() {
        bus.subscribe(String.class.getName(), command -> "answer to " + command.getPayload());
        TimedCommandGateway gateway = new TimedCommandGateway(DefaultCommandGateway.builder().commandBus(bus).build(), Duration.ofSeconds(5));

        String answer = gateway.sendAndWait("question");

        assertThat(answer).isEqualTo("answer to question");
    }
}
