package app.soiree.server.messaging;

import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Axon applies the correlation data providers to commands and to event processors, but not to a deadline coming due:
 * its unit of work has only the deadline manager's own handler interceptors. Without this, what a deadline handler
 * makes (an expired hold, released earnings, a saga's next command) would carry no causation, correlation or actor.
 */
@Component
class DeadlineCorrelation {

    DeadlineCorrelation(ObjectProvider<DeadlineManager> deadlineManagers, List<CorrelationDataProvider> providers) {
        deadlineManagers.ifAvailable(manager -> manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
    }
}
