package app.soiree.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.RateLimitedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    private final LoginRateLimiter limiter = new LoginRateLimiter(new IdentityProperties(null, null, 3, 5));

    @Test
    void oneAddressTryingManyAccountsIsStoppedByTheAddressLimit() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire("victim" + i + "@example.test", "203.0.113.7");
        }

        assertThatThrownBy(() -> limiter.acquire("victim6@example.test", "203.0.113.7"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void manyAddressesTryingOneAccountAreStoppedByTheAccountLimit() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("target@example.test", "198.51.100." + i);
        }

        assertThatThrownBy(() -> limiter.acquire("target@example.test", "198.51.100.99"))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void otherAccountsAndAddressesAreUnaffected() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("target@example.test", "198.51.100.1");
        }

        limiter.acquire("someone.else@example.test", "198.51.100.2");
    }
}
