package app.soiree.command.report;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * {@link OpenReports} follows reports inside the command's own transaction: a subscribing processor, and a failure
 * there (the second open report of one reporter and target) fails the command instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Autowired
    void followOpenReportsInTheCommandsTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(OpenReports.PROCESSING_GROUP);
        processing.registerListenerInvocationErrorHandler(OpenReports.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
