package app.soiree.command.notification.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's HTTP client, made safe for sending messages. Twilio's {@code HttpClient.reliableRequest} sends a request
 * again, up to three times, whenever the answer is a 5xx (and when there is none); a message whose first answer was
 * lost would then go out twice. Here every request is made exactly once: a lost or unclear answer is reported as such
 * and the sender calls the outcome unknown. Apache HttpClient's own retries are off too, and the API's address can
 * point elsewhere ({@code soiree.twilio.api-base-url}, for a local stand-in in tests).
 */
final class TwilioHttpClient extends NetworkHttpClient {

    private final String apiBase;

    /**
     * @param readTimeout how long to wait for an answer. The connect timeout stays the SDK's (30.5 s): its
     *                    {@code makeRequest} puts its own request config on every request, which wins over ours.
     */
    TwilioHttpClient(String apiBase, Duration readTimeout) {
        super(HttpClientBuilder.create()
                .disableAutomaticRetries()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setSocketTimeout(Timeout.of(readTimeout))
                                // A pooled connection the server closed while idle would swallow the next send
                                // (no answer: an unknown outcome); check one that sat idle before reusing it.
                                .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .setMaxConnPerRoute(20)
                        .setMaxConnTotal(50)
                        .build()));
        this.apiBase = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
    }

    /** Once, whatever the answer. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /** Once, whatever the answer: the codes, retries and delay the SDK asks for are ignored on purpose. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rewritten(request));
    }

    private Request rewritten(Request request) {
        String url = request.getUrl();
        if (apiBase.equals(TwilioProperties.API_BASE) || !url.startsWith(TwilioProperties.API_BASE)) {
            return request;
        }
        Request copy = new Request(request.getMethod(), apiBase + url.substring(TwilioProperties.API_BASE.length()));
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copyParams(request.getQueryParams(), copy::addQueryParam);
        copyParams(request.getPostParams(), copy::addPostParam);
        copyParams(request.getHeaderParams(), copy::addHeaderParam);
        copy.setContentType(request.getContentType());
        copy.setBody(request.getBody());
        if (!request.getFormParameters().isEmpty()) {
            copy.setFormParameters(request.getFormParameters());
        }
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        return copy;
    }

    private static void copyParams(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
