package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which observations a request pays for: the request's own, not one per security filter (application.yml, management.observations). */
@IntegrationTest
class ObservationsTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void springSecurityObservesNothingWhileTheRequestItselfIsStillObserved() {
        Observation securityChain = Observation.start("spring.security.filterchains", observations);
        Observation request = Observation.start("http.server.requests", observations);

        assertThat(securityChain.isNoop()).isTrue();
        assertThat(request.isNoop()).isFalse();
        securityChain.stop();
        request.stop();
    }
}
