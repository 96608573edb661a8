package app.soiree.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's results: measured values against this run's own baselines and the targets
 * (informational), correctness checks (these alone decide the exit status), the machine, and notes.
 */
final class Report {

    /** One measured value. {@code ratio} and {@code target} may be empty; {@code met} is null without a target. */
    record Row(String section, String metric, String measured, String baseline, String ratio, String target, Boolean met) {
    }

    record Check(String name, boolean passed, String detail) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final Map<String, String> sections = new LinkedHashMap<>();
    private final Map<String, Path> reports = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    void row(String section, String metric, String measured) {
        rows.add(new Row(section, metric, measured, "", "", "", null));
    }

    void row(String section, String metric, String measured, String baseline, String ratio, String target, Boolean met) {
        rows.add(new Row(section, metric, measured, baseline, ratio, target, met));
    }

    void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
        System.out.printf("[check] %s: %s (%s)%n", name, passed ? "PASS" : "FAIL", detail);
    }

    void machine(String key, String value) {
        machine.put(key, value);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("[note] " + note);
    }

    /** A section of its own after the results, e.g. a phase's numbers side by side; the same title again replaces it. */
    void section(String title, String markdown) {
        sections.put(title, markdown);
    }

    /** A markdown table: a header row, then rows of cells. */
    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        out.append("---|".repeat(header.size())).append('\n');
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n"));
        return out.toString();
    }

    void profile(String phase, String markdown) {
        profiles.put(phase, markdown);
    }

    void gatlingReport(String simulation, Path report) {
        reports.put(simulation, report);
    }

    boolean failed() {
        return checks.stream().anyMatch(check -> !check.passed());
    }

    String markdown(Path relativeTo) {
        StringBuilder out = new StringBuilder("# Soiree benchmarks\n\n");
        out.append("Run started ").append(started).append(". Targets are the issue's, reported, not enforced; only the correctness checks")
                .append(" decide the exit status. Ratios compare with baselines measured in this same run, on this same machine.\n\n");

        out.append("## Results\n\n| | metric | measured | baseline | ratio | target | |\n|---|---|---:|---:|---:|---|---|\n");
        String section = null;
        for (Row row : rows) {
            out.append("| ").append(row.section().equals(section) ? "" : "**" + row.section() + "**").append(" | ")
                    .append(row.metric()).append(" | ").append(row.measured()).append(" | ").append(row.baseline()).append(" | ")
                    .append(row.ratio()).append(" | ").append(row.target()).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "met" : "not met").append(" |\n");
            section = row.section();
        }

        sections.forEach((title, markdown) -> out.append("\n## ").append(title).append("\n\n").append(markdown).append('\n'));

        out.append("\n## Correctness\n\n| check | result | detail |\n|---|---|---|\n");
        for (Check check : checks) {
            out.append("| ").append(check.name()).append(" | ").append(check.passed() ? "PASS" : "**FAIL**").append(" | ")
                    .append(check.detail().replace("|", "\\|")).append(" |\n");
        }

        out.append("\n## Machine and settings\n\n");
        machine.forEach((key, value) -> out.append("* ").append(key).append(": ").append(value).append('\n'));

        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(note -> out.append("* ").append(note).append('\n'));
        }
        if (!reports.isEmpty()) {
            out.append("\n## Gatling reports\n\n");
            reports.forEach((simulation, report) -> out.append("* ").append(simulation).append(": `")
                    .append(relativeTo.relativize(report)).append("`\n"));
        }
        if (!profiles.isEmpty()) {
            out.append("\n## Profiles (JFR, server JVM)\n\n");
            profiles.forEach((phase, markdown) -> out.append("### ").append(phase).append("\n\n").append(markdown).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(file.getParent()));
    }
}
