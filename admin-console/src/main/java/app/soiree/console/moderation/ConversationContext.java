package app.soiree.console.moderation;

import app.soiree.api.chat.ChatMessageSummary;
import app.soiree.api.chat.FindMessageReport;
import app.soiree.api.chat.MessageReportView;
import app.soiree.console.platform.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The reported message among those around it (up to {@link FindMessageReport#CONTEXT_EACH_SIDE} before and after, as
 * the query side answers), in order and marked, so that support judges it as the members read it, not on its own.
 */
final class ConversationContext extends Div {

    static final String REPORTED_CLASS = "reported-message";

    void show(MessageReportView view) {
        removeAll();
        if (view.context().isEmpty()) {
            add(new Paragraph("The read side has no messages of this conversation around the reported one."));
            return;
        }
        for (ChatMessageSummary message : view.context()) {
            add(entry(message, message.messageId().equals(view.report().messageId())));
        }
    }

    void clear() {
        removeAll();
    }

    private static Div entry(ChatMessageSummary message, boolean reported) {
        Span about = new Span("#" + message.seq() + " · " + Formats.time(message.createdAt()) + " · "
                + ReportLabels.name(message.senderId(), message.senderName()) + (reported ? " · REPORTED" : ""));
        about.addClassName("muted");
        Paragraph text = new Paragraph(ReportLabels.message(message.type(), message.text(), message.deleted()));
        text.getStyle().set("margin", "0").set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        Div entry = new Div(about, text);
        entry.addClassName("chat-message");
        entry.setClassName(REPORTED_CLASS, reported);
        return entry;
    }
}
