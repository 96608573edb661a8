package app.soiree.console.platform;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One run of a long task the server works through the event stream with in the background (a ledger replay, a chain
 * verification), followed on its page: what it is, how many events it has gone through of how many, and how it ended.
 * The view that owns it reads the run; a subclass says what its outcome means and adds what only that task shows
 * below (a digest, the balances that differ, the broken link).
 */
public class RunProgress extends VerticalLayout {

    /** How often a running task is read again while its page is open. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
    /** A run over a very long stream takes long; after this the page stops following it (reopening it follows again). */
    static final Duration FOLLOW_AT_MOST = Duration.ofHours(6);

    private final Span title = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span counts = new Span();
    private final Badge result = new Badge();
    private @Nullable Registration following;

    /** Hidden until it follows a run; a subclass adds what its task shows below the status. */
    protected RunProgress() {
        setPadding(false);
        setVisible(false);
        HorizontalLayout status = new HorizontalLayout(result, counts);
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(title, bar, status);
    }

    /**
     * Shows the run that {@code read} answers about, and keeps it up to date by push until {@code finished} says it
     * has ended; then runs {@code whenFinished} (a page refreshes its list of runs). Following another run stops
     * following this one. {@code read} answers null for a run not recorded yet: its command was accepted a moment ago.
     */
    protected <V> void follow(String what, LiveUpdates liveUpdates, Supplier<@Nullable V> read, Consumer<V> show, Predicate<V> finished,
                              Runnable whenFinished) {
        if (following != null) {
            following.remove();
        }
        starting(what);
        following = liveUpdates.follow(this, PROGRESS_INTERVAL, FOLLOW_AT_MOST, read,
                run -> {
                    if (run != null) {
                        show.accept(run);
                        if (finished.test(run)) {
                            whenFinished.run();
                        }
                    }
                },
                run -> run != null && finished.test(run));
    }

    private void starting(String what) {
        setVisible(true);
        title.setText(what);
        bar.setIndeterminate(true);
        bar.setVisible(true);
        counts.setText("Starting…");
        result.setVisible(false);
    }

    /** Still running: {@code done} of {@code total} events, where a total of 0 means it is still being counted. */
    protected void running(String title, long done, long total) {
        this.title.setText(title);
        boolean knowsTotal = total > 0;
        bar.setVisible(true);
        bar.setIndeterminate(!knowsTotal);
        bar.setValue(knowsTotal ? Math.min(1.0, (double) done / total) : 0.0);
        counts.setText(eventsOf(done, total));
        outcome("Running", VaadinIcon.HOURGLASS, null);
    }

    /** Ran to its end: the bar full, {@code counts} what it went through, the badge what it found. */
    protected void finished(String title, String counts, String outcome, VaadinIcon icon, BadgeVariant variant) {
        this.title.setText(title);
        bar.setVisible(true);
        bar.setIndeterminate(false);
        bar.setValue(1.0);
        this.counts.setText(counts);
        outcome(outcome, icon, variant);
    }

    /** Could not run to its end, which says nothing about what it was checking; {@code done} of {@code total} is how far it got. */
    protected void failed(String title, long done, long total) {
        this.title.setText(title);
        bar.setVisible(false);
        counts.setText(eventsOf(done, total));
        outcome("Failed", VaadinIcon.CLOSE_CIRCLE, BadgeVariant.ERROR);
    }

    private static String eventsOf(long done, long total) {
        return done + " of " + (total > 0 ? total : "?") + " events";
    }

    private void outcome(String text, VaadinIcon icon, @Nullable BadgeVariant variant) {
        result.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR, BadgeVariant.WARNING);
        result.setVisible(true);
        result.setText(text);
        result.setIcon(icon.create());
        if (variant != null) {
            result.addThemeVariants(variant);
        }
    }

    /** How far the bar shows it, from 0 to 1. */
    public double progress() {
        return bar.getValue();
    }

    /** What the badge says ("Running", "Failed" or the task's own outcome); empty before the run is first read. */
    public String outcome() {
        return result.isVisible() ? result.getText() : "";
    }

    /** The events gone through, as the page says it. */
    public String counts() {
        return counts.getText();
    }
}
