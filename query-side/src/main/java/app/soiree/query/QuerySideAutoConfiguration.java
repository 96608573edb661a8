package app.soiree.query;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Switches the query side on when this process runs the {@code query} role: its projections,
 * query handlers, controllers, JPA entities and repositories exist only then.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("soiree.role.query")
@ComponentScan(basePackageClasses = QuerySideAutoConfiguration.class,
        excludeFilters = @ComponentScan.Filter(AutoConfiguration.class))
@EnableJpaRepositories(basePackageClasses = QuerySideAutoConfiguration.class)
@Import(QuerySideAutoConfiguration.Entities.class)
@ConfigurationPropertiesScan(basePackageClasses = QuerySideAutoConfiguration.class)
public class QuerySideAutoConfiguration {

    static class Entities implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            EntityScanPackages.register(registry, QuerySideAutoConfiguration.class.getPackageName());
        }
    }
}
