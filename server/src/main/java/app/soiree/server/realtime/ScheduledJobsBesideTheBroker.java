package app.soiree.server.realtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Spring Boot makes the scheduler for {@code @Scheduled} jobs only when the context has no
 * {@code TaskScheduler} at all, and the broker's heart-beat scheduler is one: the jobs (the payment
 * inbox poll) would run on it, and a slow job would hold up heart-beats. This makes Boot's scheduler
 * anyway, under the name {@code @Scheduled} prefers when there are several.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("soiree.role.query")
class ScheduledJobsBesideTheBroker {

    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }
}
