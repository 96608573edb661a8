package app.soiree.server.messaging;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ActorKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Every message caused by a command or event carries the same actor as its cause: the user (and their roles) and the
 * kind of actor ({@link ActorKind#KEY}). A deadline is the exception: when it comes due nobody acts but the clock, so
 * what it makes is the platform's ({@link Actor#SYSTEM}) of kind {@link ActorKind#DEADLINE}; who set it in motion is
 * found through the chain of causes.
 */
class ActorProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        if (cause instanceof DeadlineMessage<?>) {
            return Map.of(Actor.USER_ID_KEY, Actor.SYSTEM, Actor.ROLES_KEY, "", ActorKind.KEY, ActorKind.DEADLINE.name());
        }
        MetaData metaData = cause.getMetaData();
        Map<String, Object> actor = new HashMap<>();
        Object userId = metaData.get(Actor.USER_ID_KEY);
        if (userId != null) {
            actor.put(Actor.USER_ID_KEY, userId);
        }
        Object roles = metaData.get(Actor.ROLES_KEY);
        if (roles != null) {
            actor.put(Actor.ROLES_KEY, roles);
        }
        if (userId != null || metaData.containsKey(ActorKind.KEY)) {
            actor.put(ActorKind.KEY, ActorKind.read(metaData.get(ActorKind.KEY), userId).name());
        }
        return actor;
    }
}
