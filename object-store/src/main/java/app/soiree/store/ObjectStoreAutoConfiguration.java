package app.soiree.store;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one {@link ObjectStore} of the process, whichever roles it runs. */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class ObjectStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "soiree.storage.type", havingValue = "local", matchIfMissing = true)
    ObjectStore localObjectStore(StorageProperties properties, @Value("${soiree.data-dir:./data}") Path dataDir) throws IOException {
        Path directory = properties.local().directory();
        return new LocalObjectStore(directory != null ? directory : dataDir.resolve("objects"));
    }

    /** Closed with the context, which closes its HTTP connections. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "soiree.storage.type", havingValue = "s3")
    ObjectStore s3ObjectStore(StorageProperties properties) {
        StorageProperties.S3 s3 = properties.s3();
        if (s3 == null) {
            // Fails here rather than at the first upload, with the property to set.
            throw new IllegalStateException(
                    "soiree.storage.type is s3 but soiree.storage.s3.bucket (SOIREE_STORAGE_S3_BUCKET) is not set");
        }
        return new S3ObjectStore(s3);
    }
}
