package app.soiree.server.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Registers the command interceptors on the bus itself rather than on the gateway, so that every
 * command is covered, however it is sent.
 */
@Component
class CommandBusInterceptors {

    CommandBusInterceptors(CommandBus commandBus, ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        // The strategy is resolved at the first command, not for each one.
        commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor(SingletonSupplier.of(
                () -> securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy))));
        commandBus.registerHandlerInterceptor(new ErrorCodeInterceptor());
    }
}
