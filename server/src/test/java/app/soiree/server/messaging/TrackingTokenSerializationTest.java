package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of tracking token a processor can store must come back unchanged through the general
 * serializer; Jackson 3's default type validator refuses some of them (replay tokens) otherwise.
 */
class TrackingTokenSerializationTest {

    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonConfiguration().axonJsonTypes())
            .build();

    static Stream<TrackingToken> tokens() {
        GlobalSequenceTrackingToken at = new GlobalSequenceTrackingToken(42);
        return Stream.of(
                at,
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), at),
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), at, "ledger-replay-7"),
                new MergedTrackingToken(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(9)),
                ReplayToken.createReplayToken(
                        new MergedTrackingToken(new GlobalSequenceTrackingToken(3), new GlobalSequenceTrackingToken(9)), null),
                new MultiSourceTrackingToken(Map.of("events", at, "other", new GlobalSequenceTrackingToken(7))));
    }

    @ParameterizedTest
    @MethodSource("tokens")
    void roundTripsThroughTheGeneralSerializer(TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);

        Object read = serializer.deserialize(serialized);

        assertThat(read).isEqualTo(token);
    }
}
