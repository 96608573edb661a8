package app.soiree.command;

import app.soiree.command.gathering.BookingPolicy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Switches the command side on when this process runs the {@code command} role: its aggregates,
 * sagas, controllers, JPA entities and repositories exist only then.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("soiree.role.command")
@ComponentScan(basePackageClasses = CommandSideAutoConfiguration.class,
        excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
@EnableJpaRepositories(basePackageClasses = CommandSideAutoConfiguration.class)
@Import(CommandSideAutoConfiguration.Entities.class)
@ConfigurationPropertiesScan(basePackageClasses = CommandSideAutoConfiguration.class)
public class CommandSideAutoConfiguration {

    /**
     * Keeps recently used gatherings in memory: during a booking rush every command finds its
     * aggregate here instead of replaying the stream. Entries go when memory is needed; the event
     * store stays the truth. Safe across replicas because Axon routes one aggregate's commands to one node.
     */
    @Bean
    Cache gatheringCache() {
        return new WeakReferenceCache();
    }

    /** A gathering's snapshot holds every booking: its interval grows with the gathering (see the definition). */
    @Bean
    SnapshotTriggerDefinition gatheringSnapshotTrigger(Snapshotter snapshotter, BookingPolicy policy) {
        return new ProportionalSnapshotTriggerDefinition(snapshotter, policy.snapshotEveryEvents());
    }

    static class Entities implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            EntityScanPackages.register(registry, CommandSideAutoConfiguration.class.getPackageName());
        }
    }
}
