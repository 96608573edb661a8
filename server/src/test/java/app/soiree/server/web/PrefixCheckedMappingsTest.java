package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The prefix check only passes over what the full match would refuse: for every path the application maps (each
 * variable filled in), in every method, and for paths that are decoded, trimmed or mapped nowhere, the application's
 * mappings answer exactly as Spring's plain ones built over the same controllers (the same handler method, or the same
 * refusal); and a chat post's path is tried in full against only the few mappings that could match it.
 */
@IntegrationTest
class PrefixCheckedMappingsTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ApplicationContext context;

    @Test
    void everyPathIsAnsweredAsSpringsPlainMappingsAnswerIt() throws Exception {
        assertThat(mappings).isInstanceOf(PrefixCheckedMappings.class);
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setPatternParser(mappings.getPatternParser());
        plain.setContentNegotiationManager(mappings.getContentNegotiationManager());
        plain.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        plain.setApplicationContext(context);
        plain.afterPropertiesSet();
        assertThat(plain.getHandlerMethods().keySet()).isEqualTo(mappings.getHandlerMethods().keySet());

        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                String path = filledIn(pattern);
                paths.add(path);
                paths.add(path + "/");
                paths.add(path + "/extra");
                paths.add(path + ";jsessionid=1");
            }
        }
        paths.addAll(List.of("/api/%63onversations/c1/messages", "/api/conversations/c1/messages", "/api/nothing/here", "/",
                "/API/bookings", "/api/bookings/b1/cancel", "/api/bookingsx/b1/cancel"));
        assertThat(paths).hasSizeGreaterThan(300);

        List<String> differences = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                String expected = outcome(plain, method, path);
                String actual = outcome(mappings, method, path);
                if (!expected.equals(actual)) {
                    differences.add(method + " " + path + ": " + actual + " instead of " + expected);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void aChatPostIsTriedInFullOnlyAgainstTheMappingsThatCouldMatchItsPath() {
        PrefixCheckedMappings checked = (PrefixCheckedMappings) mappings;
        MockHttpServletRequest post = request("POST", "/api/conversations/c1/messages");
        Set<RequestMappingInfo> all = mappings.getHandlerMethods().keySet();

        List<RequestMappingInfo> tried = all.stream().filter(info -> !checked.cannotMatchPath(info, post)).toList();

        assertThat(all).hasSizeGreaterThan(100);
        assertThat(tried).hasSizeLessThan(all.size() / 5).contains(infoFor(all, "POST", "/api/conversations/{conversationId}/messages"))
                .allSatisfy(info -> assertThat(info.getPatternValues()).allMatch(p -> p.startsWith("/api/conversations") || p.equals("/")));
        assertThat(checked.cannotMatchPath(all.iterator().next(), request("POST", "/api/%63onversations/c1/messages"))).isFalse();
    }

    private static RequestMappingInfo infoFor(Set<RequestMappingInfo> all, String method, String pattern) {
        return all.stream().filter(info -> info.getPatternValues().contains(pattern)
                && info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals(method))).findFirst().orElseThrow();
    }

    private static String outcome(RequestMappingHandlerMapping mapping, String method, String path) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request(method, path));
            if (chain == null) {
                return "no handler";
            }
            return chain.getHandler() instanceof HandlerMethod handler ? handler.getMethod().toString() : chain.getHandler().toString();
        } catch (Exception refused) {
            return refused.getClass().getSimpleName();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** A concrete path the pattern matches: each variable and wildcard filled in. */
    private static String filledIn(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "v1").replace("**", "a/b").replace("*", "a");
    }
}
