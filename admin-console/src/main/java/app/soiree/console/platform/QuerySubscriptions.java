package app.soiree.console.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a screen when the query side says that what it shows changed, instead of asking at an interval: a
 * subscription query stays open while the component is on screen and is closed when it leaves. Updates only say
 * "something changed"; the screen reads again itself, in bounded pages. A burst of updates costs one refresh,
 * because a refresh that is already waiting for the session takes the later ones with it.
 */
@org.springframework.stereotype.Component
public class QuerySubscriptions {

    private static final Logger log = LoggerFactory.getLogger(QuerySubscriptions.class);
    /** Updates waiting to be delivered per open screen; a screen that cannot keep up loses its subscription, never memory. */
    static final int UPDATE_BUFFER = 256;

    private final QueryGateway queryGateway;

    QuerySubscriptions(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * Runs {@code refresh} (in the UI's lock) after every update to {@code query} while {@code owner} is attached.
     * {@code owner} must be attached; the subscription ends when it detaches or the registration is removed.
     * Subscribe again when it is attached again.
     * {@code initialType} is what the query answers; the answer is not used, so a query for a single item is cheapest.
     */
    public Registration refreshOnUpdates(Component owner, Object query, Class<?> initialType, Class<?> updateType, Runnable refresh) {
        UI ui = owner.getUI().orElseThrow(() -> new IllegalStateException("Only a component on screen can be refreshed"));
        AtomicBoolean refreshWaiting = new AtomicBoolean();
        SubscriptionQueryResult<?, ?> subscription = queryGateway.subscriptionQuery(query.getClass().getName(), query, ResponseTypes.instanceOf(initialType),
                ResponseTypes.instanceOf(updateType), UPDATE_BUFFER);
        subscription.updates().subscribe(update -> {
            if (refreshWaiting.compareAndSet(false, true)) {
                try {
                    ui.access(() -> {
                        refreshWaiting.set(false);
                        refresh.run();
                    });
                } catch (UIDetachedException closed) {
                    subscription.cancel();
                }
            }
        }, failed -> log.warn("Live updates of {} stopped; the screen refreshes on reload", query, failed));
        Registration onDetach = owner.addDetachListener(detached -> {
            subscription.cancel();
            detached.unregisterListener();
        });
        return () -> {
            subscription.cancel();
            onDetach.remove();
        };
    }
}
