package app.soiree.server.realtime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The WebSocket upgrade of {@code /ws} is open to everyone: a browser cannot send an
 * {@code Authorization} header with it, so the socket authenticates in its STOMP {@code CONNECT}
 * ({@link SocketAuthentication}). Its own chain keeps it out of the console's session chain (which
 * would redirect it to a sign-in page); stateless, and without CSRF since no cookie authenticates it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("soiree.role.query")
class SocketHandshakeSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain socketHandshake(HttpSecurity http) throws Exception {
        return http.securityMatcher(StompConfiguration.ENDPOINT)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }
}
