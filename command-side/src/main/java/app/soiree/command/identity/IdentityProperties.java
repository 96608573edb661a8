package app.soiree.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of signing in: how long tokens live and how many login attempts an account or a client
 * address may make per minute before it is answered 429.
 */
@ConfigurationProperties("soiree.identity")
record IdentityProperties(
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Integer loginAttemptsPerAccountPerMinute,
        Integer loginAttemptsPerAddressPerMinute) {

    IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        loginAttemptsPerAccountPerMinute = loginAttemptsPerAccountPerMinute == null ? 10 : loginAttemptsPerAccountPerMinute;
        loginAttemptsPerAddressPerMinute = loginAttemptsPerAddressPerMinute == null ? 60 : loginAttemptsPerAddressPerMinute;
    }
}
