package app.soiree.command.chat;

import app.soiree.api.identity.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An erased user's messages lose their text: the key of every message they wrote is destroyed, as a deletion
 * destroys one, so the text is unreadable in every stored event; the chat's read model blanks what it opened.
 * The messages themselves (ids, order, reactions, who reported them) stay, so conversations keep their shape.
 */
@Component
@ProcessingGroup(ErasedAuthors.PROCESSING_GROUP)
class ErasedAuthors {

    static final String PROCESSING_GROUP = "chat-erased-authors";

    private final ContentKeys keys;

    ErasedAuthors(ContentKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        keys.destroyAllOf(event.userId());
    }
}
