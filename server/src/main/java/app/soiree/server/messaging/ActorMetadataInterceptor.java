package app.soiree.server.messaging;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.server.security.Actors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Stamps every command with who sent it. A command sent while handling another message already
 * carries its cause's user (correlation data); one sent from an HTTP request or a console action
 * gets the signed-in user; anything else is the platform acting on its own ({@link Actor#SYSTEM}).
 */
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** This application's security contexts: the JVM-wide holder may belong to another application in the same JVM. */
    private final Supplier<SecurityContextHolderStrategy> securityContexts;

    ActorMetadataInterceptor(Supplier<SecurityContextHolderStrategy> securityContexts) {
        this.securityContexts = securityContexts;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(Actor.USER_ID_KEY)) {
                return command;
            }
            Map<String, Object> actorMetadata = new HashMap<>();
            Actors.from(securityContexts.get().getContext().getAuthentication()).ifPresentOrElse(actor -> {
                actorMetadata.put(Actor.USER_ID_KEY, actor.userId().toString());
                actorMetadata.put(Actor.ROLES_KEY, Role.encode(actor.roles()));
            }, () -> {
                actorMetadata.put(Actor.USER_ID_KEY, Actor.SYSTEM);
                actorMetadata.put(Actor.ROLES_KEY, "");
            });
            return command.andMetaData(actorMetadata);
        };
    }
}
