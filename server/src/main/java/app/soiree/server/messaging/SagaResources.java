package app.soiree.server.messaging;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.modelling.saga.ResourceInjector;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.util.ReflectionUtils;

/**
 * Gives each saga instance its {@code @Autowired} fields, from beans resolved once per saga class. Axon's
 * {@code SpringResourceInjector} has the bean factory autowire every instance it creates or loads, which scans the
 * class's annotations and resolves each dependency again every time: a fifth of the booking-payment saga's CPU in a
 * rush's profile (docs/benchmarks.md), on the thread that confirms every booking. A saga's resources are singletons (the
 * command gateway, a provider, properties), so resolving them once gives every instance what Spring would have given it.
 * A saga class with any other injection point (an {@code @Autowired} method, {@code @Value}, {@code @Inject},
 * {@code @Resource}) is autowired by the bean factory as before.
 */
class SagaResources implements ResourceInjector {

    private static final Set<String> OTHER_INJECTION_ANNOTATIONS = Set.of(
            "org.springframework.beans.factory.annotation.Value",
            "jakarta.inject.Inject",
            "jakarta.annotation.Resource",
            "jakarta.persistence.PersistenceContext");

    private final AutowireCapableBeanFactory beans;
    /** Per saga class: its fields and their beans, or empty when the bean factory autowires it. */
    private final ClassValue<Optional<List<Injection>>> injections = new ClassValue<>() {
        @Override
        protected Optional<List<Injection>> computeValue(Class<?> sagaType) {
            return resolve(sagaType);
        }
    };

    SagaResources(AutowireCapableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void injectResources(Object saga) {
        injections.get(saga.getClass()).ifPresentOrElse(
                resolved -> resolved.forEach(injection -> ReflectionUtils.setField(injection.field(), saga, injection.value())),
                () -> beans.autowireBeanProperties(saga, AutowireCapableBeanFactory.AUTOWIRE_NO, false));
    }

    private Optional<List<Injection>> resolve(Class<?> sagaType) {
        List<Injection> resolved = new ArrayList<>();
        for (Class<?> type = sagaType; type != null && type != Object.class; type = type.getSuperclass()) {
            if (Stream.concat(Arrays.stream(type.getDeclaredFields()), Arrays.stream(type.getDeclaredMethods()))
                    .anyMatch(SagaResources::isOtherInjectionPoint)) {
                return Optional.empty();
            }
            for (Field field : type.getDeclaredFields()) {
                Autowired autowired = field.getAnnotation(Autowired.class);
                if (autowired == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                ReflectionUtils.makeAccessible(field);
                resolved.add(new Injection(field, beans.resolveDependency(new DependencyDescriptor(field, autowired.required()), null)));
            }
        }
        return Optional.of(List.copyOf(resolved));
    }

    private static boolean isOtherInjectionPoint(AnnotatedElement element) {
        return (element instanceof Method && element.isAnnotationPresent(Autowired.class))
                || Arrays.stream(element.getAnnotations()).map(Annotation::annotationType).map(Class::getName)
                        .anyMatch(OTHER_INJECTION_ANNOTATIONS::contains);
    }

    private record Injection(Field field, @Nullable Object value) {
    }
}
