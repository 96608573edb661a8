package app.soiree.api.report;

/** One report of any kind, as the queue shows it; answered with a {@link ReportSummary}, or null when there is no such report. */
public record FindReport(ReportId reportId) {
}
