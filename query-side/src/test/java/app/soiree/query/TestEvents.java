package app.soiree.query;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Delivers events to the query side's projections the way a tracking processor does: through their
 * {@code @EventHandler} annotations, one transaction per event. Also subscribes every
 * {@code @QueryHandler} and {@code @CommandHandler} to its bus, as Axon's Spring integration does in
 * the server.
 */
public class TestEvents implements SmartInitializingSingleton {

    private final ApplicationContext context;
    private final QueryBus queryBus;
    private final CommandBus commandBus;
    private final TransactionTemplate transactions;
    private final AtomicLong nextPosition = new AtomicLong();
    private Map<AnnotationEventHandlerAdapter, String> projections = Map.of();

    TestEvents(ApplicationContext context, QueryBus queryBus, CommandBus commandBus, TransactionTemplate transactions) {
        this.context = context;
        this.queryBus = queryBus;
        this.commandBus = commandBus;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .collect(Collectors.toMap(AnnotationEventHandlerAdapter::new,
                        bean -> AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(bean), ProcessingGroup.class).value(),
                        (one, other) -> one, LinkedHashMap::new));
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type != null && hasHandlers(ClassUtils.getUserClass(type), QueryHandler.class)) {
                new AnnotationQueryHandlerAdapter<>(context.getBean(name)).subscribe(queryBus);
            }
            if (type != null && hasHandlers(ClassUtils.getUserClass(type), CommandHandler.class)) {
                new AnnotationCommandHandlerAdapter<>(context.getBean(name)).subscribe(commandBus);
            }
        }
    }

    /** Each event in its own transaction, in the order given; a failing handler fails the test. */
    public void publish(Object... events) {
        for (Object event : events) {
            deliver(GenericEventMessage.asEventMessage(event), group -> true);
        }
    }

    /**
     * Delivers one message, with its metadata and time, to the projections of one processing group
     * only. A message given twice is what a redelivery looks like.
     */
    public void deliver(String processingGroup, EventMessage<?> event) {
        deliver(event, processingGroup::equals);
    }

    /** As read from an event store: with the position the store gave it. */
    public void deliverAsStored(String processingGroup, TrackedEventMessage<?> event) {
        deliverTracked(event, processingGroup::equals);
    }

    /** As a tracking processor delivers: with the next position in the stream. */
    private void deliver(EventMessage<?> event, Predicate<String> toGroup) {
        deliverTracked(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(nextPosition.getAndIncrement()), event), toGroup);
    }

    private void deliverTracked(TrackedEventMessage<?> message, Predicate<String> toGroup) {
        transactions.executeWithoutResult(status -> projections.entrySet().stream()
                .filter(projection -> toGroup.test(projection.getValue()) && projection.getKey().canHandle(message))
                .forEach(projection -> handle(projection.getKey(), message)));
    }

    private static void handle(AnnotationEventHandlerAdapter projection, EventMessage<?> message) {
        try {
            projection.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasHandlers(Class<?> type, Class<? extends Annotation> handler) {
        boolean[] found = {false};
        ReflectionUtils.doWithMethods(type, method -> found[0] = true,
                method -> AnnotatedElementUtils.hasAnnotation(method, handler));
        return found[0];
    }
}
