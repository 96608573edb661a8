package app.soiree.console.moderation;

import app.soiree.api.chat.MessageReportSummary;
import app.soiree.console.platform.Facts;
import app.soiree.console.platform.Formats;

/** Who reported what and why, who wrote it and where, and whether the report is settled. */
final class ReportFacts extends Facts {

    ReportFacts() {
        getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "0");
    }

    void show(MessageReportSummary report) {
        removeAll();
        fact("Status", ReportLabels.status(report));
        fact("Reason", ReportLabels.reason(report.reason()));
        fact("Note", report.note() == null ? "none" : report.note());
        fact("Reported by", ReportLabels.person(report.reportedBy(), report.reporterName()));
        fact("Reported at", Formats.time(report.reportedAt()));
        fact("Sender", ReportLabels.person(report.authorId(), report.authorName()));
        fact("Conversation", ReportLabels.conversation(report) + " (" + report.conversationId() + ")");
        fact("Message", ReportLabels.message(report));
    }

    void notFound() {
        notFound("report");
    }
}
