package app.soiree.server.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The chat API's paths and bodies, as the chat tests send them. */
final class ChatRequests {

    private ChatRequests() {
    }

    static String messages(String conversation) {
        return "/api/conversations/" + conversation + "/messages";
    }

    static String reaction(String messageId, String emoji) {
        return "/api/messages/" + messageId + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, Object> text(String text) {
        return Map.of("type", "TEXT", "text", text);
    }
}
