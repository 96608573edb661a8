package app.soiree.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Objects in one bucket of an S3-compatible store (AWS S3, MinIO, ...): the store of the distributed mode, where every
 * replica must reach every file. Bytes stream both ways and are never held whole in memory: an upload is sent as it is
 * read, its length declared up front; a download is read from the connection as the caller reads.
 *
 * <p>Settings for stores other than AWS itself: {@code endpoint} overrides the address, {@code pathStyle} puts the bucket
 * in the path instead of the host name, and checksums are computed and checked only where S3 requires them, because the
 * SDK's default since 2.30 (a CRC on every request and response) is refused or mishandled by MinIO and its kin.
 *
 * <p>Every SDK failure becomes an {@link IOException}, as the local store's would be, so callers handle one kind.
 */
public class S3ObjectStore implements ObjectStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final int RANGE_NOT_SATISFIABLE = 416;
    private static final int NOT_FOUND = 404;

    private final String bucket;
    private final AwsCredentialsProvider credentials;
    private final S3Client client;
    private final S3Presigner presigner;

    /**
     * A store on the configured bucket; creates the bucket first when {@code createBucket} is set and it is missing.
     *
     * @throws IllegalArgumentException when the bucket is not set, or only one of the access key and secret key is
     */
    public S3ObjectStore(StorageProperties.S3 properties) {
        String configuredBucket = properties.bucket();
        if (configuredBucket == null || configuredBucket.isBlank()) {
            throw new IllegalArgumentException(
                    "soiree.storage.type is s3 but soiree.storage.s3.bucket (SOIREE_STORAGE_S3_BUCKET) is not set");
        }
        this.bucket = configuredBucket.strip();
        this.credentials = credentialsOf(properties);
        Region region = regionOf(properties);
        URI endpoint = properties.endpoint();
        boolean pathStyle = Boolean.TRUE.equals(properties.pathStyle());

        S3ClientBuilder clientBuilder = S3Client.builder()
                // Chosen here rather than found on the class path, where the SDK refuses to guess between several.
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        S3Presigner.Builder presignerBuilder = S3Presigner.builder()
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (region != null) {
            clientBuilder.region(region);
            presignerBuilder.region(region);
        }
        if (endpoint != null) {
            clientBuilder.endpointOverride(endpoint);
            presignerBuilder.endpointOverride(endpoint);
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
        try {
            if (Boolean.TRUE.equals(properties.createBucket())) {
                createBucketIfMissing();
            }
        } catch (RuntimeException e) {
            closeClients();
            throw e;
        }
    }

    @Override
    public void put(String key, InputStream content, long sizeBytes, String contentType) throws IOException {
        ObjectKeys.check(key);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("A size is never negative: " + sizeBytes);
        }
        try {
            if (sizeBytes == 0) {
                ExactLengthInputStream.requireEmpty(content);
            }
            // S3 stores an object only once its declared length has arrived: a put that fails midway leaves the
            // previous object (or none), as the local store's move into place does.
            client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes),
                    RequestBody.fromInputStream(new ExactLengthInputStream(content, sizeBytes), sizeBytes));
        } catch (ExactLengthInputStream.WrongLengthException e) {
            throw new IOException("Not stored under " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            ExactLengthInputStream.WrongLengthException wrongLength = causeOf(e, ExactLengthInputStream.WrongLengthException.class);
            if (wrongLength != null) {
                throw new IOException("Not stored under " + key + ": " + wrongLength.getMessage(), e);
            }
            throw failure("put", key, e);
        }
    }

    @Override
    public OptionalLong sizeOf(String key) throws IOException {
        ObjectKeys.check(key);
        try {
            Long size = client.headObject(request -> request.bucket(bucket).key(key)).contentLength();
            return size == null ? OptionalLong.empty() : OptionalLong.of(size);
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            // A HEAD answer has no body to name the error by, so a missing key may come back as a bare 404.
            if (e.statusCode() == NOT_FOUND && !(e instanceof NoSuchBucketException)) {
                return OptionalLong.empty();
            }
            throw failure("size", key, e);
        } catch (SdkException e) {
            throw failure("size", key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        ObjectKeys.check(key);
        if (offset < 0) {
            throw new IllegalArgumentException("An offset is never negative: " + offset);
        }
        if (length == 0) {
            // "bytes=n-(n-1)" is no range at all: only whether the object is there is left to answer.
            if (sizeOf(key).isEmpty()) {
                throw new NoSuchObjectException(key);
            }
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0 || length > 0) {
            boolean toTheEnd = length < 0 || length > Long.MAX_VALUE - offset;
            request.range("bytes=" + offset + "-" + (toTheEnd ? "" : String.valueOf(offset + length - 1)));
        }
        try {
            return new AbortingStream(client.getObject(request.build()));
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(key);
        } catch (S3Exception e) {
            // The object is there but starts before the offset (or is empty): no bytes, as a file read past its end.
            if (e.statusCode() == RANGE_NOT_SATISFIABLE) {
                return InputStream.nullInputStream();
            }
            throw failure("read", key, e);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        ObjectKeys.check(key);
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // S3 answers 204 for a missing key; a store that says 404 instead means the same: nothing is there.
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public Optional<URI> signedUrl(String key, Duration validFor, String contentType) {
        ObjectKeys.check(key);
        // Signed locally, no request sent: the URL names the type the answer must carry, whatever was stored.
        var presigned = presigner.presignGetObject(presign -> presign
                .signatureDuration(validFor)
                .getObjectRequest(request -> request.bucket(bucket).key(key).responseContentType(contentType)));
        try {
            return Optional.of(presigned.url().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK signed a URL that is not a URI: " + presigned.url(), e);
        }
    }

    /** Closes the HTTP connections and whatever the credentials provider holds (the default chain may refresh). */
    @Override
    public void close() {
        closeClients();
    }

    private void closeClients() {
        IoUtils.closeQuietly(client, log);
        IoUtils.closeQuietly(presigner, log);
        IoUtils.closeIfCloseable(credentials, log);
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + bucket + "]";
    }

    private void createBucketIfMissing() {
        try {
            client.headBucket(request -> request.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // created below
        } catch (S3Exception e) {
            if (e.statusCode() != NOT_FOUND) {
                throw e;
            }
        }
        try {
            client.createBucket(request -> request.bucket(bucket));
            log.info("Created the bucket {}", bucket);
        } catch (BucketAlreadyOwnedByYouException e) {
            // Another replica starting at the same moment created it first.
        }
    }

    private static AwsCredentialsProvider credentialsOf(StorageProperties.S3 properties) {
        String accessKey = blankToNull(properties.accessKey());
        String secretKey = blankToNull(properties.secretKey());
        if (accessKey != null && secretKey != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        if (accessKey != null || secretKey != null) {
            throw new IllegalArgumentException("soiree.storage.s3.access-key and soiree.storage.s3.secret-key go together: "
                    + "set both, or neither for the SDK's default credentials (environment, profile, instance role)");
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * The configured region; else, for a store of one's own (an endpoint is set), {@code us-east-1}, which MinIO and its
     * kin accept whatever they are; else empty, leaving AWS's region to the SDK's default chain.
     */
    private static @Nullable Region regionOf(StorageProperties.S3 properties) {
        String region = blankToNull(properties.region());
        if (region != null) {
            return Region.of(region);
        }
        return properties.endpoint() != null ? Region.US_EAST_1 : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private IOException failure(String action, String key, SdkException e) {
        return new IOException("S3 " + action + " of " + key + " in bucket " + bucket + " failed: " + e.getMessage(), e);
    }

    /**
     * A download that, closed before its end, aborts its connection: closing it as is would first read the rest of the
     * object off the wire just to reuse the connection, which for a large file abandoned early costs more than a new one.
     */
    private static final class AbortingStream extends FilterInputStream {

        private final ResponseInputStream<GetObjectResponse> response;
        private long remaining;

        AbortingStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
            Long length = response.response().contentLength();
            this.remaining = length == null ? Long.MAX_VALUE : length;
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            remaining = read < 0 ? 0 : remaining - 1;
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            remaining = read < 0 ? 0 : remaining - read;
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            remaining -= skipped;
            return skipped;
        }

        @Override
        public void close() throws IOException {
            if (remaining > 0) {
                response.abort();
            }
            super.close();
        }
    }
}
