package app.soiree.console.moderation;

import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.Facts;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;

/** Who or what was reported, by whom and why, and support's decision once there is one. */
final class TargetReportFacts extends Facts {

    TargetReportFacts() {
        getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "0");
    }

    void show(ReportSummary report) {
        removeAll();
        fact("Status", ReportLabels.status(report));
        if (report.targetType() == ReportTargetType.GATHERING) {
            fact("Gathering", Links.withQuery(ReportLabels.target(report), LookupView.class, LookupView.QUERY_PARAMETER,
                    report.targetId().toString()));
            fact("Host", ReportLabels.person(report.subjectId(), report.subjectName()));
        } else {
            fact("Reported user", ReportLabels.person(report.subjectId(), report.subjectName()));
        }
        fact("Reason", ReportLabels.reason(report.reason()));
        fact("Note", report.note() == null ? "none" : report.note());
        fact("Reported by", ReportLabels.person(report.reportedBy(), report.reporterName()));
        fact("Reported at", Formats.time(report.reportedAt()));
        if (report.status() != ReportStatus.OPEN) {
            fact("Decided by", ReportLabels.person(report.handledBy(), report.handledByName()));
            fact("Support's note", report.handlingNote() == null ? "none" : report.handlingNote());
        }
    }

    void notFound() {
        notFound("user or gathering report");
    }
}
