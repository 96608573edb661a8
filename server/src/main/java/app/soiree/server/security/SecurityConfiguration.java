package app.soiree.server.security;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.command.identity.Tokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Two ways in. The API ({@code /api/**}) is stateless: a bearer access token signed with the
 * platform's RSA key (RS256 only, so {@code alg:none} and HMAC forgeries fail), issuer and expiry
 * checked, and refused once its user is erased. The console is session-based with CSRF protection;
 * see {@code ConsoleSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling // ErasedUsers polls for other processes' erasures in every role
public class SecurityConfiguration {

    @Bean
    KeyPair tokenSigningKeys(@Value("${soiree.security.jwt.private-key:}") String privateKeyPem,
                             @Value("${soiree.data-dir:./data}") Path dataDir) {
        return SigningKeys.load(privateKeyPem, dataDir);
    }

    /** Every token this process signs is remembered as verified as it is issued (VerifiedTokens#issued). */
    @Bean
    JwtEncoder jwtEncoder(KeyPair tokenSigningKeys, VerifiedTokens verifiedTokens) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) tokenSigningKeys.getPublic())
                .privateKey((RSAPrivateKey) tokenSigningKeys.getPrivate())
                .build();
        NimbusJwtEncoder signer = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return parameters -> verifiedTokens.issued(signer.encode(parameters));
    }

    /** The whole check of an access token, on the API and the socket's CONNECT. */
    @Bean
    JwtDecoder jwtDecoder(VerifiedTokens verifiedTokens, ErasedUsers erasedUsers) {
        return new ErasedUsersRefused(verifiedTokens::decode, erasedUsers);
    }

    @Bean
    VerifiedTokens verifiedTokens(KeyPair tokenSigningKeys, Clock clock,
                                  @Value("${soiree.security.verified-tokens-remembered:20000}") long verifiedTokensRemembered) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) tokenSigningKeys.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        // Our issuer is a name, not a URL: the default claim conversion tried it as a URL first and threw (and caught)
        // an exception with a full stack trace for every token not verified before, 5,000 in a booking rush.
        Converter<Map<String, Object>, Map<String, Object>> claimConversion =
                MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer));
        decoder.setClaimSetConverter(claimConversion);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(30)), new JwtIssuerValidator(Tokens.ISSUER),
                SecurityConfiguration::namesAUser);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, claimConversion, validator, verifiedTokensRemembered, clock);
    }

    /** The process that erases someone refuses their tokens as the erasure commits, not when a poll finds it. */
    @Autowired
    void learnOfErasuresInTheErasingTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ErasedUsers.PROCESSING_GROUP);
    }

    /**
     * No observation per security filter, authentication and authorization: some twenty a request, a fifth of a read's
     * CPU in the profile of {@code GET /api/me/feed} (docs/benchmarks.md). Every request is still observed once, as
     * {@code http.server.requests} with its status and outcome.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpFirewall httpFirewall() {
        return RequestScreening.firewall();
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${soiree.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/auth/register", "/api/auth/login", "/api/auth/refresh").permitAll()
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/gatherings", "/api/gatherings/*",
                                "/api/gatherings/*/reviews").permitAll()
                        // profiles and follower lists are public; the social read model answers 404 or 403 as the user's blocks and privacy say
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/users/*", "/api/users/*/followers",
                                "/api/users/*/following").permitAll()
                        // avatars and published covers are public; MediaAccess answers 404 for the rest
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/media/*", "/api/media/*/content").permitAll()
                        .requestMatchers("/api/webhooks/**").permitAll()
                        // causal timelines (CausalTimelineController); an aggregate's own trail, /api/staff/audit/{Type}/{id}, is checked there
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/staff/audit/booking/*", "/api/staff/audit/host/*",
                                "/api/staff/audit/payout/*", "/api/staff/audit/user/*", "/api/staff/audit/gathering/*",
                                "/api/staff/audit/payment/*").hasAnyRole(Role.SUPPORT.name(), Role.FINANCE.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        // erasing someone else's personal data is an admin's call (the controller says so too)
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/staff/users/*/erasure").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(RequestScreening.bearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokenAuthentication.converter()))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent automatically by browsers, so there is nothing for CSRF to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicEndpoints(HttpSecurity http) throws Exception {
        // All of /v3 and /actuator, so that an unknown path there is answered as problem+json, not by the console's sign-in.
        return http.securityMatcher("/v3/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * A correctly signed token is still refused (401) when its claims are not what Tokens issues: the
     * subject a user id, the roles a list of names. Otherwise the request would fail later, as a 500.
     */
    private static OAuth2TokenValidatorResult namesAUser(Jwt jwt) {
        OAuth2Error invalid = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token does not name a user", null);
        try {
            UserId.of(String.valueOf(jwt.getSubject()));
            Object roles = jwt.getClaims().get(Tokens.ROLES_CLAIM);
            if (roles != null && !(roles instanceof Collection<?> names && names.stream().allMatch(String.class::isInstance))) {
                return OAuth2TokenValidatorResult.failure(invalid);
            }
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException notAUserId) {
            return OAuth2TokenValidatorResult.failure(invalid);
        }
    }
}
