package app.soiree.server.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Multipart uploads and binary downloads, which {@link Api} (JSON in, text out) does not do. */
public final class Uploads {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Uploads(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** One file as the part {@code partName} of a {@code multipart/form-data} POST, as a browser sends a file input. */
    public Api.Response upload(String path, @Nullable String token, String partName, String fileName, String contentType, byte[] content) {
        return upload(path, token, partName, fileName, contentType, content, Map.of());
    }

    /** {@code POST /api/media}: a file and its purpose, the file declared as {@code declaredType} (which the server ignores). */
    public Api.Response uploadMedia(String token, String purpose, String fileName, String declaredType, byte[] content) {
        return upload("/api/media", token, "file", fileName, declaredType, content, Map.of("purpose", purpose));
    }

    /** Uploads a medium (its type read from its bytes) and waits until processing made it ready; answers its id. */
    public String readyMedia(Api api, Api.Session uploader, String purpose, String fileName, byte[] content) {
        String mediaId = uploadMedia(uploader.accessToken(), purpose, fileName, "application/octet-stream", content).expectStatus(201)
                .json().get("mediaId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + mediaId, uploader.accessToken()).json().get("status").asString()).isEqualTo("READY"));
        return mediaId;
    }

    private Api.Response upload(String path, @Nullable String token, String partName, String fileName, String contentType, byte[] content,
                                Map<String, String> fields) {
        String boundary = "----soiree" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().map(), response.body());
    }

    public HttpResponse<byte[]> download(String path, @Nullable String token) {
        return download(path, token, null);
    }

    /** A download of the byte range {@code range} ({@code bytes=0-99}), or of everything when it is null. */
    public HttpResponse<byte[]> download(String path, @Nullable String token, @Nullable String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A small but well-formed PDF: what support would attach as a receipt. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n"
                + "4 0 obj << /Length " + content.length() + " >> stream\n" + content + "\nendstream endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The smallest PNG there is: one transparent pixel. */
    public static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    }
}
