package app.soiree.server.messaging;

import app.soiree.api.audit.Causation;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ActorKind;
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
 * Each also gets its {@link ActorKind}, implied by the user id when the sender named none (a webhook's
 * command names its provider as {@code provider:stripe}), and a command that no other message caused
 * is the root of its chain: its own id is its {@link Causation#CORRELATION_ID_KEY}.
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
            Map<String, Object> stamps = new HashMap<>();
            if (!command.getMetaData().containsKey(Actor.USER_ID_KEY)) {
                Actors.from(securityContexts.get().getContext().getAuthentication())
                        .ifPresentOrElse(actor -> stamps.putAll(actor.metaData()), () -> {
                            stamps.put(Actor.USER_ID_KEY, Actor.SYSTEM);
                            stamps.put(Actor.ROLES_KEY, "");
                        });
            }
            if (!command.getMetaData().containsKey(ActorKind.KEY)) {
                stamps.put(ActorKind.KEY, ActorKind.impliedBy(stamps.getOrDefault(Actor.USER_ID_KEY,
                        command.getMetaData().get(Actor.USER_ID_KEY))).name());
            }
            if (!command.getMetaData().containsKey(Causation.CORRELATION_ID_KEY)) {
                stamps.put(Causation.CORRELATION_ID_KEY, command.getIdentifier());
            }
            return stamps.isEmpty() ? command : command.andMetaData(stamps);
        };
    }
}
