package app.soiree.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff sign in to a session; a request that changes state without the session's CSRF token is
 * refused; hosts, like guests, have no way in.
 */
@IntegrationTest
class ConsoleSessionTest {

    @LocalServerPort
    int port;

    @Test
    void aSignedInSessionOpensTheConsoleAndRefusesAPostWithoutItsCsrfToken() throws Exception {
        Api api = new Api(port);
        StaffAccounts.open(api, StaffAccounts.admin(api), "session", List.of("SUPPORT"));
        Browser browser = new Browser();

        assertThat(browser.signIn("session.support@soiree.test", StaffAccounts.PASSWORD)).endsWith("/console/");
        assertThat(browser.get("/console/lookup").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = browser.post("/console/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/lookup").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void hostsCannotSignIn() throws Exception {
        Api api = new Api(port);
        Api.Session host = api.newHost("Hopeful Host");

        assertThat(new Browser().signIn(host.email(), host.password())).endsWith("/console/login?error");
    }

    /** A browser's cookie jar, without following redirects, so that every answer can be looked at. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        String signIn(String email, String password) throws IOException, InterruptedException {
            get("/console/login");
            HttpResponse<String> response = post("/console/login", Map.of("username", email, "password", password));
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
