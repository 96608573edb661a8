package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway's configuration (docker/gateway/nginx.conf) is the one routing table of distributed mode, and this test
 * holds it to the code: every request mapping of every role (read from Spring's handler mappings in the process that
 * runs all three roles), the STOMP socket and the console under {@code vaadin.url-mapping} must be sent, for each of
 * its methods, to an upstream of a role that serves it. Which role serves a mapping is where its controller lives:
 * {@code app.soiree.command} the command role, {@code app.soiree.query} the query role, {@code app.soiree.console} the
 * console; anything else by its {@code @ConditionalOnBooleanProperty("soiree.role.…")}, or every role when it has none
 * (Springdoc's documents, actuator). Actuator endpoints other than health must stay closed at the gateway.
 */
@IntegrationTest
class GatewayRoutesTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path GATEWAY = REPOSITORY.resolve("docker/gateway/nginx.conf");
    static final Path COMPOSE = REPOSITORY.resolve("docker-compose.yml");
    static final Set<String> ROLES = Set.of("command", "query", "console");
    static final String EVERY_ROLE = "*";
    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    /** One thing a client may ask: a method on a sample path, which roles serve it, and whether it upgrades. */
    record Endpoint(String method, String path, String pattern, Set<String> servedBy, String source) {
    }

    @Test
    void everyMappingOfEveryRoleIsSentToARoleThatServesIt() {
        NginxConfig gateway = NginxConfig.read(GATEWAY);
        assertThat(gateway.upstreams()).as("one upstream per role, named after it").containsExactlyInAnyOrderElementsOf(ROLES);

        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the platform's endpoints were found").hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            NginxConfig.Route route = gateway.route(endpoint.method(), endpoint.path());
            if (isPrivate(endpoint.pattern())) {
                if (route.returned() == null || route.returned() != 404) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " must stay private (404 at the gateway), but: " + route.describe());
                }
                continue;
            }
            boolean served = route.upstream() != null
                    && (endpoint.servedBy().contains(EVERY_ROLE) || endpoint.servedBy().contains(route.upstream()));
            if (!served) {
                wrong.add(endpoint.method() + " " + endpoint.pattern() + " (" + endpoint.source() + ", served by " + endpoint.servedBy()
                        + "): " + route.describe());
            }
        }
        assertThat(wrong).as("requests the gateway does not send to a role that serves them").isEmpty();
    }

    @Test
    void theGatewayPassesUpgradesAndTheClientsAddressHostSchemeAndPort() {
        NginxConfig gateway = NginxConfig.read(GATEWAY);
        NginxConfig.Directive server = gateway.server();
        assertThat(server.child("proxy_http_version").orElseThrow().args()).as("WebSocket needs HTTP/1.1 upstream").containsExactly("1.1");
        Map<String, String> headers = gateway.serverHeaders();
        assertThat(headers).containsEntry("Upgrade", "$http_upgrade").containsKey("Connection")
                .containsKeys("Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-For");
        // nginx passes a level's proxy_set_header only when the inner level sets none: one there would drop all of these.
        for (NginxConfig.Directive location : gateway.locations()) {
            assertThat(location.children("proxy_set_header")).as("proxy_set_header in location %s", location.args()).isEmpty();
        }
        // The socket and the console's push are WebSocket upgrades; they are routed like any GET (checked above).
        assertThat(gateway.route("GET", "/ws").upstream()).isEqualTo("query");
        assertThat(gateway.route("GET", consolePrefix() + "/VAADIN/push").upstream()).isEqualTo("console");
    }

    @Test
    void theGatewayTakesTheBodiesTheServerTakes() {
        NginxConfig gateway = NginxConfig.read(GATEWAY);
        DataSize gatewayLimit = DataSize.parse(gateway.server().child("client_max_body_size").orElseThrow().args().getFirst().toUpperCase() + "B");
        DataSize multipart = environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class);
        assertThat(gatewayLimit.toBytes()).as("client_max_body_size vs spring.servlet.multipart.max-request-size")
                .isGreaterThanOrEqualTo(multipart.toBytes());
    }

    @Test
    void composeRunsTheGatewayWithThisConfigurationAndTheServersTrustIt() throws IOException {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = map(compose.get("services"));
        assertThat(list(map(services.get("gateway")).get("volumes"))).anyMatch(volume -> String.valueOf(volume)
                .startsWith("./" + REPOSITORY.relativize(GATEWAY) + ":/etc/nginx/nginx.conf"));
        String axonServerLimit = String.valueOf(map(map(services.get("axonserver")).get("environment")).get("AXONIQ_AXONSERVER_MAX_MESSAGE_SIZE"));
        for (String role : ROLES) {
            Map<String, Object> service = map(services.get(role));
            Map<String, Object> env = map(service.get("environment"));
            assertThat(env).as(role).containsEntry("SOIREE_ROLES", role).containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
            assertThat(String.valueOf(env.get("AXONSERVER_MAX_MESSAGE_SIZE"))).as("%s's connector and Axon Server take the same size", role)
                    .isEqualTo(axonServerLimit);
            assertThat(service).as("%s is reached through the gateway only", role).doesNotContainKey("ports");
        }
    }

    /** The console's page links its stylesheets under the console's own path, and they are served there. */
    @Test
    void theConsoleNeedsNothingOutsideItsOwnPath() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI page = URI.create("http://localhost:" + port + consolePrefix() + "/login");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        URI base = page;
        Matcher baseHref = Pattern.compile("<base href=\"([^\"]*)\"").matcher(login.body());
        if (baseHref.find()) {
            base = page.resolve(baseHref.group(1));
        }
        Matcher links = Pattern.compile("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]*)\"|<link[^>]*href=\"([^\"]*)\"[^>]*rel=\"stylesheet\"")
                .matcher(login.body());
        Set<String> stylesheets = new LinkedHashSet<>();
        while (links.find()) {
            stylesheets.add(base.resolve(links.group(1) != null ? links.group(1) : links.group(2)).getPath());
        }
        assertThat(stylesheets).as("the app shell's stylesheets").contains(consolePrefix() + "/lumo/lumo.css", consolePrefix() + "/soiree-console.css");
        for (String stylesheet : stylesheets) {
            assertThat(stylesheet).startsWith(consolePrefix() + "/");
            HttpResponse<String> css = http.send(HttpRequest.newBuilder(page.resolve(stylesheet)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(css.statusCode()).as(stylesheet).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).as(stylesheet).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        String errorPath = environment.getProperty("server.error.path", "/error");
        for (Map.Entry<String, RequestMappingInfoHandlerMapping> bean : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).entrySet()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : bean.getValue().getHandlerMethods().entrySet()) {
                Set<String> servedBy = rolesOf(mapping.getValue().getBeanType());
                Set<String> methods = new TreeSet<>();
                mapping.getKey().getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.contains(RequestMethod.GET.name())) {
                    methods.add(RequestMethod.HEAD.name());
                }
                if (methods.isEmpty()) {
                    methods.addAll(ALL_METHODS);
                }
                for (String pattern : mapping.getKey().getPatternValues()) {
                    // The container forwards errors there inside each process; no client asks for it.
                    if (pattern.equals(errorPath)) {
                        continue;
                    }
                    String source = bean.getKey() + ": " + mapping.getValue().getBeanType().getSimpleName() + "." + mapping.getValue().getMethod().getName();
                    methods.forEach(method -> endpoints.add(new Endpoint(method, sample(pattern), pattern, servedBy, source)));
                }
            }
        }
        // The STOMP socket: the WebSocket handler mapping of the STOMP configuration.
        AbstractUrlHandlerMapping stomp = context.getBean("stompWebSocketHandlerMapping", AbstractUrlHandlerMapping.class);
        Set<String> socketRoles = rolesOf(classNamed("app.soiree.server.realtime.StompConfiguration"));
        assertThat(stomp.getHandlerMap()).as("the STOMP endpoint").isNotEmpty();
        for (String pattern : stomp.getHandlerMap().keySet()) {
            endpoints.add(new Endpoint("GET", sample(pattern), pattern, socketRoles, "STOMP endpoint"));
        }
        // The console: the Vaadin servlet owns everything under its mapping, any method (its own POSTs, push, files).
        String console = consolePrefix();
        for (String path : List.of(console + "/", console + "/login", console + "/ledger/trial-balance", console + "/VAADIN/push",
                console + "/VAADIN/build/bundle.js", console + "/lumo/lumo.css", console + "/soiree-console.css", console + "/logout")) {
            for (String method : ALL_METHODS) {
                endpoints.add(new Endpoint(method, path, console + "/**", Set.of("console"), "Vaadin servlet (vaadin.url-mapping)"));
            }
        }
        return endpoints;
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private String consolePrefix() {
        String mapping = environment.getRequiredProperty("vaadin.url-mapping");
        assertThat(mapping).endsWith("/*");
        return mapping.substring(0, mapping.length() - 2);
    }

    private static boolean isPrivate(String pattern) {
        return pattern.startsWith("/actuator") && !pattern.startsWith("/actuator/health");
    }

    private static Set<String> rolesOf(Class<?> type) {
        Class<?> user = org.springframework.util.ClassUtils.getUserClass(type);
        String name = user.getPackageName();
        if (name.startsWith("app.soiree.command")) {
            return Set.of("command");
        }
        if (name.startsWith("app.soiree.query")) {
            return Set.of("query");
        }
        if (name.startsWith("app.soiree.console")) {
            return Set.of("console");
        }
        Set<String> roles = new TreeSet<>();
        ConditionalOnBooleanProperty condition = AnnotatedElementUtils.findMergedAnnotation(user, ConditionalOnBooleanProperty.class);
        if (condition != null) {
            for (String property : condition.value().length > 0 ? condition.value() : condition.name()) {
                String role = property.startsWith("soiree.role.") ? property.substring("soiree.role.".length()) : null;
                if (role != null && ROLES.contains(role)) {
                    roles.add(role);
                }
            }
        }
        if (name.startsWith("app.soiree.") && roles.isEmpty() && condition != null) {
            throw new IllegalStateException(user + " is conditional on something other than a role: say here which role serves it");
        }
        return roles.isEmpty() ? Set.of(EVERY_ROLE) : roles;
    }

    /** A path the pattern matches: each variable a word, {@code **} and {@code {*rest}} two segments. */
    static String sample(String pattern) {
        String path = pattern.replace("/**", "/x1/x2");
        Matcher variables = VARIABLE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(out, variables.group().startsWith("{*") ? "x1/x2" : "x1");
        }
        variables.appendTail(out);
        return out.toString().replace("*", "x1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(@Nullable Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<?>) value;
    }
}
