package app.soiree.server.messaging;

import app.soiree.command.HoldsBeingAnswered;
import app.soiree.server.web.RequestsInFlight;
import app.soiree.server.web.SoireeJsonModule;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.ResourceInjector;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

/**
 * Axon's buses and stores as every role needs them: serializers, correlation of metadata from each
 * message to the messages it causes, and the interceptors that attribute commands to their sender.
 * Stores are in PostgreSQL: Axon's JDBC ones for events, tokens and sagas, its JPA one for dead letters, db-scheduler
 * for deadlines; events in Axon Server instead under the {@code axonserver} profile.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Saga instances get their resources from beans resolved once per saga class, not autowired one by one. */
    @Bean
    ResourceInjector resourceInjector(ApplicationContext context) {
        return new SagaResources(context.getAutowireCapableBeanFactory());
    }

    /**
     * Jackson 3 refuses polymorphic types it was not told to trust; Axon's tracking tokens (a replay
     * token wraps others) are polymorphic. Trust exactly Axon's and Soiree's own types. Metadata is read by
     * {@link MetaDataReading} (added after Axon's module, so it takes precedence over Axon's reader of it).
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonTypes() {
        return builder -> builder
                .addModule(new SoireeJsonModule())
                .addModule(new SimpleModule("Soiree-MetaData").addDeserializer(MetaData.class, new MetaDataReading()))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("app.soiree.")
                        .build());
    }

    /** Every serializer Axon builds (general, messages, events) also reads messages stored under a former class name. */
    @Bean
    static BeanPostProcessor renamedMessageTypes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Serializer serializer ? RenamingSerializer.wrap(serializer) : bean;
            }
        };
    }

    /**
     * Snapshots are taken on their own thread, after the command that triggered them. Taken inline,
     * a snapshot needs a second database connection while its command still holds the aggregate's
     * lock; in a booking rush every other connection belongs to a command queued on that lock, and
     * the pool deadlocks. The queue is bounded; a snapshot that does not fit is simply taken later.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000),
                runnable -> Thread.ofPlatform().name("axon-snapshotter").daemon().unstarted(runnable),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory, ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    /**
     * Axon's default gateway (as its auto-configuration builds it), with {@code soiree.commands.timeout} on every
     * wait, and one immediate retry of a command that failed on a conflict with a stale cached aggregate
     * ({@link ConflictRetryScheduler}).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, @Value("${soiree.commands.timeout:PT30S}") Duration timeout) {
        return new TimedCommandGateway(DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler()).build(), timeout);
    }

    /**
     * The event store as the tracking processors read it, passing over the events of types a processor never handles
     * ({@link IgnoredEventsPassedOver}); a processor reads through it when application.yml names it as its {@code source}.
     */
    @Bean
    IgnoredEventsPassedOver processorEvents(EventStore eventStore) {
        return new IgnoredEventsPassedOver(eventStore);
    }

    /**
     * The same for the processors that yield to API requests ({@link BackgroundEventSource}); a processor reads through it
     * when application.yml names it as its {@code source}. {@code soiree.events.background-yield} 0 turns the yield off;
     * a processor further behind than {@code soiree.events.background-max-lag} does not yield.
     */
    @Bean
    BackgroundEventSource backgroundEvents(IgnoredEventsPassedOver processorEvents, RequestsInFlight requests,
                                           @Value("${soiree.events.background-yield:200ms}") Duration maxYield,
                                           @Value("${soiree.events.background-max-lag:60s}") Duration maxLag, Clock clock) {
        return new BackgroundEventSource(processorEvents, requests::awaitQuiet, maxYield, maxLag, clock);
    }

    /**
     * The same for the processors that settle bookings already held (application.yml: confirmations, seat counts): they
     * yield to the holds being answered ({@link HoldsBeingAnswered}) while their next event is younger than
     * {@code soiree.events.settlement-max-lag}, so in a rush the guests still in line are answered first. A process
     * without the command role answers no holds, and its processors read the store as it is.
     */
    @Bean
    BackgroundEventSource settlementEvents(IgnoredEventsPassedOver processorEvents, ObjectProvider<HoldsBeingAnswered> holds,
                                           @Value("${soiree.events.settlement-max-lag:1s}") Duration maxLag, Clock clock) {
        HoldsBeingAnswered answered = holds.getIfAvailable();
        return answered == null
                ? new BackgroundEventSource(processorEvents, nothing -> { }, Duration.ZERO, maxLag, clock)
                : new BackgroundEventSource(processorEvents, answered::awaitNone, maxLag, maxLag, clock);
    }

    /**
     * Causation and correlation ids on every message made while handling another. Replaces Axon's default
     * {@code MessageOriginProvider} (which backs off once any provider is declared), whose {@code correlationId} is
     * the parent and {@code traceId} the root.
     */
    @Bean
    CorrelationDataProvider causation() {
        return new CausationProvider();
    }

    /** Every message caused by a command or event carries the same actor as its cause; a deadline's are the platform's. */
    @Bean
    CorrelationDataProvider actingUser() {
        return new ActorProvider();
    }
}
