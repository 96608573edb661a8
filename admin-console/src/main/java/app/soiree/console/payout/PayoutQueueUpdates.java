package app.soiree.console.payout;

import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * Hears of payouts entering or leaving a queue while it is on screen: {@link FindPayouts} as a
 * subscription query, whose updates the query side emits as it projects. Unlike polling, an idle queue
 * costs nothing. The subscription lives exactly as long as the component is attached, so a closed tab
 * leaves no subscriber behind on the query bus.
 */
@org.springframework.stereotype.Component
class PayoutQueueUpdates {

    private static final Logger log = LoggerFactory.getLogger(PayoutQueueUpdates.class);
    /** Updates waiting to be pushed; a queue that changes faster than this is refreshed whole anyway. */
    static final int UPDATE_BUFFER = 256;

    private final QueryGateway queryGateway;

    PayoutQueueUpdates(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * Shows each update (in the UI's lock, pushed) until {@code owner} is detached or the registration is
     * removed. {@code owner} must be attached. Only the status of {@code queue} matters: the initial page
     * is never read, the screen pages by itself.
     */
    Registration follow(Component owner, FindPayouts queue, Consumer<PayoutView> show) {
        UI ui = owner.getUI().orElseThrow(() -> new IllegalStateException("Only a component on screen can follow a queue"));
        SubscriptionQueryResult<PayoutPage, PayoutView> subscription = queryGateway.subscriptionQuery(
                FindPayouts.class.getName(), new FindPayouts(queue.status(), null, 1), ResponseTypes.instanceOf(PayoutPage.class),
                ResponseTypes.instanceOf(PayoutView.class), UPDATE_BUFFER);
        AtomicReference<@Nullable Registration> onDetach = new AtomicReference<>();
        Runnable close = () -> {
            subscription.cancel();
            Registration detach = onDetach.getAndSet(null);
            if (detach != null) {
                detach.remove();
            }
        };
        Disposable updates = subscription.updates().subscribe(update -> {
            try {
                ui.access(() -> show.accept(update));
            } catch (UIDetachedException closed) {
                subscription.cancel();
            }
        }, failed -> log.warn("The payout queue stopped hearing of changes; the Refresh button still works", failed));
        onDetach.set(owner.addDetachListener(detached -> {
            updates.dispose();
            close.run();
        }));
        return () -> {
            updates.dispose();
            close.run();
        };
    }
}
