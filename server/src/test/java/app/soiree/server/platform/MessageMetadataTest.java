package app.soiree.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event records who caused it and the correlation id of the request that started it. */
@IntegrationTest
class MessageMetadataTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsInheritTheActingUserAndACorrelationIdFromTheirCommand() {
        Api api = new Api(port);
        Api.Session user = api.newUser("Traceable");
        api.post("/api/me/host-profile", user.accessToken(), Map.of("bio", "hi")).expectStatus(200);

        List<JsonNode> metadata = jdbc.query(
                "select payload_type, meta_data from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                (row, index) -> JsonMapper.builder().build().readTree(new String(row.getBytes("meta_data"), StandardCharsets.UTF_8)),
                user.userId());

        assertThat(metadata).hasSize(2);
        JsonNode registered = metadata.get(0);
        JsonNode hostProfile = metadata.get(1);
        // Registration is anonymous: the platform acts on the visitor's behalf.
        assertThat(registered.get("userId").asString()).isEqualTo("system");
        assertThat(hostProfile.get("userId").asString()).isEqualTo(user.userId());
        assertThat(hostProfile.get("userRoles").asString()).isEqualTo("GUEST");
        assertThat(hostProfile.get("correlationId").asString()).isNotBlank();
        assertThat(hostProfile.get("correlationId").asString()).isNotEqualTo(registered.get("correlationId").asString());
    }
}
