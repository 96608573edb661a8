package app.soiree.console.platform;

import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends commands in the name of the signed-in staff member. The actor travels as explicit metadata
 * rather than being read from the security context at dispatch, because a console action may run on
 * a push connection or a background thread where no request (and so no security context) exists;
 * the platform's dispatch interceptor keeps metadata that is already there. Every event the command
 * causes inherits it, so the action is attributable in the event stream.
 */
@Component
public class StaffCommands {

    private static final Logger log = LoggerFactory.getLogger(StaffCommands.class);

    /** A command that takes longer is reported as not done rather than leaving the screen waiting. */
    static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commandGateway;
    private final SignedInStaff signedIn;

    StaffCommands(CommandGateway commandGateway, SignedInStaff signedIn) {
        this.commandGateway = commandGateway;
        this.signedIn = signedIn;
    }

    /** Sends and waits; a refusal arrives as {@link CommandRefused} with its error code. */
    public void send(Object command) {
        send(command, Object.class);
    }

    /** Sends, waits and hands back what the handler answered (null where it answers nothing). */
    public <R> @Nullable R send(Object command, Class<R> resultType) {
        Actor actor = signedIn.actor();
        MetaData metaData = MetaData.from(Map.of(Actor.USER_ID_KEY, actor.userId().toString(), Actor.ROLES_KEY, Role.encode(actor.roles())));
        try {
            return resultType.cast(commandGateway.send(command, metaData).get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException failed) {
            throw logged(command, actor, refusal(failed.getCause()));
        } catch (TimeoutException slow) {
            throw logged(command, actor, new CommandRefused(ErrorCode.INTERNAL_ERROR, "No answer within " + TIMEOUT_SECONDS + " seconds", slow));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw logged(command, actor, new CommandRefused(ErrorCode.INTERNAL_ERROR, "Interrupted while waiting for the answer", interrupted));
        }
    }

    /**
     * Staff read a sentence for the code ({@link CommandRefused#explanation()}); the log keeps why: the command, who sent
     * it, the code and the cause (with its stack trace when the platform failed rather than refused, e.g. a message
     * over the bus's size limit or a handler that threw).
     */
    private static CommandRefused logged(Object command, Actor actor, CommandRefused refused) {
        String type = command.getClass().getSimpleName();
        if (refused.code() == ErrorCode.INTERNAL_ERROR) {
            log.warn("Console command {} by {} failed: {} ({})", type, actor.userId(), refused.code(), refused.getMessage(), refused.getCause());
        } else {
            log.warn("Console command {} by {} refused: {} ({})", type, actor.userId(), refused.code(), refused.getMessage());
        }
        return refused;
    }

    /** Refusals keep their code across the bus in the exception's details (see the server's ErrorCodeInterceptor). */
    private static CommandRefused refusal(Throwable cause) {
        ErrorCode code = cause instanceof HandlerExecutionException
                ? CommandFailures.codeOf(cause).orElse(ErrorCode.INTERNAL_ERROR)
                : ErrorCode.INTERNAL_ERROR;
        return new CommandRefused(code, String.valueOf(cause.getMessage()), cause);
    }
}
