package app.soiree.store;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code soiree.storage.*}: where file bytes live. {@code type: local} (the default) keeps them under
 * {@code local.directory} (default {@code soiree.data-dir}/objects); {@code type: s3} keeps them in an S3-compatible store.
 */
@ConfigurationProperties("soiree.storage")
public record StorageProperties(@Nullable Type type, @Nullable Local local, @Nullable S3 s3) {

    public enum Type { LOCAL, S3 }

    public StorageProperties {
        type = type == null ? Type.LOCAL : type;
        local = local == null ? new Local(null) : local;
    }

    public record Local(@Nullable Path directory) {
    }

    /**
     * An S3-compatible store: {@code endpoint} for MinIO and the like (empty: AWS itself), {@code pathStyle} for stores
     * that do not serve buckets as host names. Credentials come from configuration or, when empty, from the SDK's default
     * chain (environment, instance profile). {@code createBucket} creates a missing bucket at start-up: handy for a
     * development MinIO, while in production the bucket (and its policies) is the operator's.
     */
    public record S3(@Nullable URI endpoint, @Nullable String region, @Nullable String bucket, @Nullable String accessKey,
                     @Nullable String secretKey, @Nullable Boolean pathStyle, @Nullable Boolean createBucket) {
    }
}
