package app.soiree.server.jvm;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run of the JDK's AOT cache (profile {@code aot-training}, started with {@code -XX:AOTCacheOutput} by the
 * Dockerfile and the benchmark harness on a throwaway data directory): once the server is ready it runs
 * {@link TrainingWorkload} against itself and exits, 0 when the workload went through, 1 when it did not (the image's
 * build then fails rather than ship a cache trained on errors). A start that only refreshed the context cached the
 * classes start-up loads; a run that has booked, paid, read and chatted also caches the classes of those paths and, since
 * JDK 25 (JEP 515), the method profiles the JIT compiler would otherwise first have to gather under load, so a new
 * server compiles its booking path before its first rush instead of during it.
 */
@Component
@ConditionalOnBooleanProperty("soiree.jvm.training.enabled")
@EnableConfigurationProperties(TrainingWorkload.Size.class)
class AotTraining {

    private static final Logger log = LoggerFactory.getLogger(AotTraining.class);

    private final TrainingWorkload.Size size;

    AotTraining(TrainingWorkload.Size size) {
        this.size = size;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        URI server = URI.create("http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port"));
        Thread.ofPlatform().name("aot-training").start(() -> {
            int exit;
            try {
                long started = System.nanoTime();
                TrainingWorkload.Done done = new TrainingWorkload(server, size).run();
                log.info("AOT training done in {} ms: {}", (System.nanoTime() - started) / 1_000_000, done);
                exit = 0;
            } catch (Exception e) {
                log.error("AOT training failed; the cache it leaves is not worth shipping", e);
                exit = 1;
            }
            int code = exit;
            System.exit(SpringApplication.exit(context, () -> code));
        });
    }
}
