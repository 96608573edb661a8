package app.soiree.server.realtime;

import org.springframework.messaging.MessagingException;

/**
 * A client frame the socket will not take. Its message is written for the client and is all the
 * client learns: {@link SocketErrors} puts it in the {@code ERROR} frame, and the socket closes.
 */
final class SocketRefusal extends MessagingException {

    SocketRefusal(String reasonForTheClient) {
        super(reasonForTheClient);
    }
}
