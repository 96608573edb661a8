package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class StripedIdentifierFactoryTest {

    @Test
    void axonFindsItAndEveryMessageGetsARandomUuid() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(StripedIdentifierFactory.class);

        String first = GenericEventMessage.asEventMessage("one").getIdentifier();
        String second = GenericEventMessage.asEventMessage("two").getIdentifier();
        assertThat(first).isNotEqualTo(second);
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
    }
}
