package app.soiree.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The training exists only where it is asked for, and its size comes from {@code soiree.jvm.training.*}. */
class AotTrainingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(AotTraining.class);

    @Test
    void absentUnlessEnabled() {
        context.run(started -> assertThat(started).doesNotHaveBean(AotTraining.class));
    }

    @Test
    void sizedByItsSettingsWithTheDocumentedDefaults() {
        context.withPropertyValues("soiree.jvm.training.enabled=true", "soiree.jvm.training.guests=7")
                .run(started -> assertThat(started.getBean(TrainingWorkload.Size.class))
                        .isEqualTo(new TrainingWorkload.Size(7, 300, 6, 8)));
    }
}
