package app.soiree.server.messaging;

import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Who gets the cores first when there are not enough: requests, the money path and the real-time pushes before the
 * read models that may lag a moment.
 * <p>
 * A booking costs a little on the request path (the hold, the payment) and far more downstream: some thirty tracking
 * processors each apply its events (notifications, audit, views, the journal). In a rush all of them want the two
 * cores at once, and a guest's hold, its confirmation and every SOLD_OUT answer queued behind work nobody is waiting
 * for. So the threads of the background processors (every tracking processor not named in
 * {@code soiree.processors.foreground}) run at the lowest Java priority, which the JVM maps to a higher nice value when
 * started with {@code -XX:ThreadPriorityPolicy=1} (the run command, the Dockerfile and the benchmarks do; lowering a
 * thread's priority needs no privilege). They still get the cores whenever nobody else wants them, so they catch up
 * as soon as the rush eases; nothing is skipped or reordered. Foreground by default: the booking-payment saga (a
 * capture's seats are confirmed there), the ledger (capture to journal), chat and social (pushes people are looking
 * at). Request threads, provider events and deadlines are never touched.
 * <p>
 * Set on the processor's own thread when it handles its first event (Axon names them {@code EventProcessor[name]-n});
 * a subscribing processor runs on its command's thread, which keeps its priority.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorPriorities {

    @Autowired
    void lowerBackgroundProcessors(EventProcessingConfigurer processing,
                                   @Value("${soiree.processors.foreground:}") List<String> foreground) {
        Set<String> foregroundNames = Set.copyOf(foreground);
        // Axon leaves out an interceptor given as null: a foreground processor keeps its threads as they are.
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> foregroundNames.contains(processorName)
                ? null : new ThreadPriority("EventProcessor[" + processorName + "]", Thread.MIN_PRIORITY));
    }

    /** Sets the priority of the processor's own threads, once each; any other thread goes through untouched. */
    record ThreadPriority(String threadNamePrefix, int priority) implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
            Thread current = Thread.currentThread();
            if (current.getPriority() != priority && current.getName().startsWith(threadNamePrefix)) {
                current.setPriority(priority);
            }
            return interceptorChain.proceed();
        }
    }
}
