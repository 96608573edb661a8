package app.soiree.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A command the console sent and the platform did not carry out leaves a WARN line with the command, the code and the cause. */
class StaffCommandsLoggingTest {

    record SomeCommand(String what) {
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger(StaffCommands.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final SignedInStaff signedIn = mock(SignedInStaff.class);
    private final UserId staff = new UserId(UUID.randomUUID());

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
        when(signedIn.actor()).thenReturn(new Actor(staff, Set.of(Role.SUPPORT)));
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
    }

    @Test
    void aRefusalIsLoggedWithItsCode() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new CommandExecutionException("Dispute is closed", null, ErrorCode.STATE_CONFLICT.name())));

        CommandRefused refused = catchThrowableOfType(CommandRefused.class, () -> new StaffCommands(gateway, signedIn).send(new SomeCommand("x")));

        assertThat(refused.code()).isEqualTo(ErrorCode.STATE_CONFLICT);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("SomeCommand", staff.toString(), "STATE_CONFLICT", "Dispute is closed");
        });
    }

    @Test
    void aFailureOfThePlatformIsLoggedWithItsCause() {
        when(gateway.send(any(), any(MetaData.class))).thenReturn(CompletableFuture.failedFuture(
                new IllegalStateException("[AXONIQ-4003] Message size exceeds the maximum allowed size")));

        CommandRefused refused = catchThrowableOfType(CommandRefused.class, () -> new StaffCommands(gateway, signedIn).send(new SomeCommand("x")));

        assertThat(refused.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("SomeCommand", "INTERNAL_ERROR", "AXONIQ-4003");
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }
}
