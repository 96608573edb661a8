package app.soiree.server.messaging;

import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.server.web.DatabaseFailures;
import app.soiree.api.error.SoireeException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Lets a refusal's {@link app.soiree.api.error.ErrorCode} survive the command bus, also across
 * processes: Axon Server transports an exception's message and its details, never its class.
 */
class ErrorCodeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (SoireeException refusal) {
            throw new CommandExecutionException(refusal.getMessage(), null, CommandFailures.detailsOf(refusal));
        } catch (AggregateNotFoundException missing) {
            throw new CommandExecutionException("The requested object was not found", null, ErrorCode.NOT_FOUND.name());
        } catch (RuntimeException failure) {
            if (DatabaseFailures.isUnavailable(failure)) {
                throw new CommandExecutionException("The database cannot be reached", failure, ErrorCode.DATABASE_UNAVAILABLE.name());
            }
            throw failure;
        }
    }
}
