package app.soiree.command.booking;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The booking lookup is written inside the command's own transaction (a subscribing processor, see
 * application.yml), and a failure there (a booking id that belongs to someone else) fails the command
 * instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Autowired
    void recordBookingsInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(BookingLookupUpdater.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
