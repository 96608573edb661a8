package app.soiree.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The checks without regular expressions decide exactly as Spring Security's own patterns do. */
class RequestScreeningTest {

    /** StrictHttpFirewall's default for header names and values. */
    private static final Pattern FIREWALL_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Property(tries = 2000)
    void headerTextIsAllowedExactlyAsTheFirewallsPatternAllows(@ForAll("anyText") String text) {
        assertThat(RequestScreening.assignedWithoutControls(text)).isEqualTo(FIREWALL_DEFAULT.matcher(text).matches());
    }

    @Property(tries = 2000)
    void bearerHeadersResolveExactlyAsSpringsResolverDoes(@ForAll("authorizationHeaders") String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", header);
        String expected;
        try {
            expected = new DefaultBearerTokenResolver().resolve(request);
        } catch (OAuth2AuthenticationException malformed) {
            assertThatThrownBy(() -> RequestScreening.bearerToken(request)).isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessage(malformed.getMessage());
            return;
        }
        assertThat(RequestScreening.bearerToken(request)).isEqualTo(expected);
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderHasNoToken() {
        assertThat(RequestScreening.bearerToken(new MockHttpServletRequest("GET", "/api/gatherings"))).isNull();
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeader() {
        assertThat(RequestScreening.assignedWithoutControls("value\u0007")).isFalse();
        assertThat(RequestScreening.assignedWithoutControls("Café ☕ 𝄞")).isTrue();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().ascii().ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4));
    }

    @Provide
    Arbitrary<String> authorizationHeaders() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bearerx ", "", "Bear ");
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019-._~+/=").ofMaxLength(12),
                Arbitraries.strings().withChars("abc= \t,%é").ofMaxLength(6),
                Arbitraries.strings().ascii().ofMaxLength(8));
        return net.jqwik.api.Combinators.combine(scheme, token).as(String::concat);
    }
}
