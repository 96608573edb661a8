package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** The platform's serializers read metadata with {@link MetaDataReading}, and read exactly what Axon's own reader reads. */
class MetaDataReadingTest {

    private final Jackson3Serializer ours = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonConfiguration().axonJsonTypes()).build();
    private final Serializer axons = Jackson3Serializer.builder().build();

    @Test
    void theSerializersReadMetadataThroughIt() {
        ObjectMapper mapper = ours.getObjectMapper();

        assertThat(mapper._deserializationContext().findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(MetaDataReading.class);
    }

    @Test
    void everyKindOfValueReadsAsAxonsOwnReaderReadsIt() {
        Map<String, Object> values = new HashMap<>();
        values.put("userId", "user-1");
        values.put("count", 3);
        values.put("large", 12_345_678_901L);
        values.put("ratio", 1.5);
        values.put("flag", true);
        values.put("nothing", null);
        values.put("nested", Map.of("a", 1, "list", List.of(1, "x", false)));
        MetaData metaData = MetaData.from(values);
        SerializedObject<byte[]> stored = ours.serialize(metaData, byte[].class);

        MetaData read = ours.deserialize(stored);
        MetaData readByAxon = axons.deserialize(stored);

        assertThat(read).isEqualTo(readByAxon).containsEntry("userId", "user-1").containsEntry("nothing", null)
                .containsEntry("large", 12_345_678_901L).hasSize(values.size());
    }

    @Test
    void theSameReaderReadsOneMessageAfterAnother() {
        SerializedObject<byte[]> first = ours.serialize(MetaData.with("causationId", "a"), byte[].class);
        SerializedObject<byte[]> second = ours.serialize(MetaData.with("causationId", "b").and("roles", "GUEST"), byte[].class);

        assertThat((MetaData) ours.deserialize(first)).isEqualTo(MetaData.with("causationId", "a"));
        assertThat((MetaData) ours.deserialize(second)).isEqualTo(MetaData.with("causationId", "b").and("roles", "GUEST"));
        assertThat((MetaData) ours.deserialize(ours.serialize(MetaData.emptyInstance(), byte[].class))).isEmpty();
    }
}
