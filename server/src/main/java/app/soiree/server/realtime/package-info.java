/**
 * The socket, {@code GET /ws}: STOMP over a plain WebSocket, only where the query role runs. A client
 * authenticates with its access token in the {@code CONNECT} frame, may subscribe to its own
 * {@code /user/queue/events} and send only the two ephemeral inputs (typing, read markers). Pushes go
 * through Spring's simple broker in one process, or through a STOMP broker relay (ActiveMQ Artemis) when
 * {@code soiree.realtime.relay.host} is set, so that any replica reaches a user connected to any other.
 */
@NullMarked
package app.soiree.server.realtime;

import org.jspecify.annotations.NullMarked;
