package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console is where a browser lands; only staff accounts can sign in to it. */
@IntegrationTest
class ConsoleAccessTest {

    @LocalServerPort
    int port;

    @Test
    void theServerRootLeadsToTheConsoleAndItsSignInPage() {
        Api api = new Api(port);

        Api.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).endsWith("/console/");

        Api.Response console = api.get("/console/", null);
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.header("Location")).endsWith("/console/login");

        Api.Response login = api.get("/console/login", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).containsIgnoringCase("<html");
    }

    @Test
    void staffSignInButGuestsAreRefused() throws Exception {
        Api api = new Api(port);
        Api.Session guest = api.newUser("Curious Guest");

        assertThat(signIn("admin@soiree.test", "admin-password-1")).endsWith("/console/");
        assertThat(signIn(guest.email(), guest.password())).endsWith("/console/login?error");
        assertThat(signIn("admin@soiree.test", "wrong-password")).endsWith("/console/login?error");
    }

    /** Posts the sign-in form as a browser would and returns where it is sent next. */
    private String signIn(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
