package app.soiree.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which store a process gets from its settings; none of these contexts reaches a server. */
class ObjectStoreAutoConfigurationTest {

    @TempDir
    Path dataDir;

    final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObjectStoreAutoConfiguration.class));

    @Test
    void theLocalStoreUnderTheDataDirIsTheDefault() {
        contexts.withPropertyValues("soiree.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(ObjectStore.class);
            assertThat(context.getBean(ObjectStore.class)).isInstanceOf(LocalObjectStore.class);
            assertThat(dataDir.resolve("objects")).isDirectory();
        });
    }

    @Test
    void typeS3GivesTheS3Store() {
        contexts.withPropertyValues("soiree.storage.type=s3", "soiree.storage.s3.endpoint=http://127.0.0.1:9",
                        "soiree.storage.s3.bucket=soiree", "soiree.storage.s3.access-key=key",
                        "soiree.storage.s3.secret-key=secret", "soiree.storage.s3.path-style=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(ObjectStore.class);
                    assertThat(context.getBean(ObjectStore.class)).isInstanceOf(S3ObjectStore.class);
                });
    }

    @Test
    void theEnvironmentVariablesOfDockerComposeConfigureTheS3Store() {
        Map<String, Object> environment = Map.of(
                "SOIREE_STORAGE_TYPE", "s3",
                "SOIREE_STORAGE_S3_ENDPOINT", "http://minio:9000",
                "SOIREE_STORAGE_S3_REGION", "us-east-1",
                "SOIREE_STORAGE_S3_BUCKET", "soiree",
                "SOIREE_STORAGE_S3_ACCESS_KEY", "user",
                "SOIREE_STORAGE_S3_SECRET_KEY", "password",
                "SOIREE_STORAGE_S3_PATH_STYLE", "true",
                "SOIREE_STORAGE_S3_CREATE_BUCKET", "false");
        contexts.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .run(context -> {
                    assertThat(context.getBean(ObjectStore.class)).isInstanceOf(S3ObjectStore.class);
                    StorageProperties.S3 s3 = context.getBean(StorageProperties.class).s3();
                    assertThat(s3).isEqualTo(new StorageProperties.S3(URI.create("http://minio:9000"), "us-east-1", "soiree",
                            "user", "password", true, false));
                });
    }

    @Test
    void typeS3WithoutABucketFailsAtStartNamingTheSetting() {
        contexts.withPropertyValues("soiree.storage.type=S3", "soiree.storage.s3.endpoint=http://127.0.0.1:9")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("soiree.storage.s3.bucket"));
        contexts.withPropertyValues("soiree.storage.type=s3")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("soiree.storage.s3.bucket"));
    }

    @Test
    void anAccessKeyWithoutItsSecretFailsAtStart() {
        contexts.withPropertyValues("soiree.storage.type=s3", "soiree.storage.s3.bucket=soiree",
                        "soiree.storage.s3.endpoint=http://127.0.0.1:9", "soiree.storage.s3.access-key=key")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("soiree.storage.s3.secret-key"));
    }
}
