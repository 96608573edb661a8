package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The application's mappings are asked first, and the actuator still answers its own paths. */
@IntegrationTest
class ActuatorMappingsLastTest {

    @LocalServerPort
    int port;
    @Autowired
    DispatcherServlet dispatcher;

    @Test
    void theApplicationsMappingsComeBeforeTheActuatorsAndBothStillAnswer() {
        Api api = new Api(port);
        api.get("/api/gatherings", null).expectStatus(200); // the dispatcher initialises its strategies on its first request

        List<HandlerMapping> mappings = dispatcher.getHandlerMappings();
        assertThat(mappings).isNotNull();
        int application = indexOf(mappings, RequestMappingHandlerMapping.class);
        int actuator = indexOf(mappings, AbstractWebMvcEndpointHandlerMapping.class);
        assertThat(application).isNotNegative();
        assertThat(actuator).isGreaterThan(application);

        assertThat(api.get("/actuator/health", null).expectStatus(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).expectStatus(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/info", null).status()).isEqualTo(200);
    }

    private static int indexOf(List<HandlerMapping> mappings, Class<?> type) {
        for (int i = 0; i < mappings.size(); i++) {
            if (type.isInstance(mappings.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
