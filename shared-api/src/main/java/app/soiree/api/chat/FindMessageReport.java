package app.soiree.api.chat;

import java.util.UUID;

/** One report with its conversation's context; answered with a {@link MessageReportView}, or null when there is no such report. */
public record FindMessageReport(UUID reportId) {

    /** Messages shown around the reported one: up to this many before it and as many after. */
    public static final int CONTEXT_EACH_SIDE = 5;
}
