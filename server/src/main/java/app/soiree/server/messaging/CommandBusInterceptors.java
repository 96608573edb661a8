package app.soiree.server.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.stereotype.Component;

/**
 * Registers the command interceptors on the bus itself rather than on the gateway, so that every
 * command is covered, however it is sent.
 */
@Component
class CommandBusInterceptors {

    CommandBusInterceptors(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new ActorMetadataInterceptor());
        commandBus.registerHandlerInterceptor(new ErrorCodeInterceptor());
    }
}
