package app.soiree.server.realtime;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the socket. Every limit is deliberate: a socket is held open for hours, so what one
 * client may make the server buffer (its frames in, the pushes it is slow to take) is bounded.
 *
 * @param heartbeat        how often each side must show it is alive, both ways (STOMP {@code heart-beat}); also
 *                         the relay's heart-beat with the broker, whose idle connections the broker drops
 * @param maxFrameSize     the largest frame a client may send; clients only send tiny inputs, and the server keeps a
 *                         buffer of this size per open socket
 * @param sendBufferSize   pushes buffered for one client that reads slowly; past it the socket is closed
 * @param sendTimeLimit    the longest one send to a client may take; past it the socket is closed
 * @param connectTimeout   a socket that has not sent its {@code CONNECT} by then is closed
 * @param allowedOrigins   browser origins allowed to open the socket (patterns); {@code *} is safe because the socket
 *                         is authenticated by the token in {@code CONNECT}, never by a cookie a page could borrow
 * @param relay            the external STOMP broker; without a host, pushes stay in this process
 */
@ConfigurationProperties("soiree.realtime")
public record RealtimeProperties(
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("16KB") DataSize maxFrameSize,
        @DefaultValue("256KB") DataSize sendBufferSize,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue Relay relay) {

    /**
     * @param host     the broker's STOMP host; empty: Spring's simple broker in this process
     * @param port     its STOMP port
     * @param login    the broker account every connection of this replica uses (clients never see it); empty: none
     * @param passcode its password, from the environment ({@code SOIREE_REALTIME_RELAY_PASSCODE})
     */
    public record Relay(
            @DefaultValue("") String host,
            @DefaultValue("61613") int port,
            @DefaultValue("") String login,
            @DefaultValue("") String passcode) {

        boolean enabled() {
            return !host.isBlank();
        }
    }
}
