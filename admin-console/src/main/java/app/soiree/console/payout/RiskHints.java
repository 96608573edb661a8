package app.soiree.console.payout;

import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.console.platform.Formats;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What finance checks before letting money leave: how new the host and their payout account are, open disputes,
 * earlier failures and refunds. The console only points these out; the decision stays with the people approving.
 */
final class RiskHints extends VerticalLayout {

    /** A host or payout account younger than this is new: money leaving soon after an account opens is the classic fraud. */
    static final Duration NEW_ACCOUNT = Duration.ofDays(30);

    private final Clock clock;

    RiskHints(Clock clock) {
        this.clock = clock;
        setPadding(false);
        setSpacing(false);
    }

    /** Each hint on its own line; the ones worth a second look are marked. */
    void show(@Nullable PayoutRiskHints risk) {
        removeAll();
        if (risk == null) {
            add(new Span("No risk hints are available for this payout."));
            return;
        }
        Instant newSince = clock.instant().minus(NEW_ACCOUNT);
        hint(risk.hostSince() == null || risk.hostSince().isAfter(newSince),
                risk.hostSince() == null ? "The host's account is not known to the read side." : "Host since " + Formats.time(risk.hostSince()));
        hint(risk.payoutAccountOpenedAt() == null || risk.payoutAccountOpenedAt().isAfter(newSince),
                risk.payoutAccountOpenedAt() == null ? "No payout account is known."
                        : "Payout account opened " + Formats.time(risk.payoutAccountOpenedAt()));
        hint(risk.openDisputes() != null && risk.openDisputes() > 0,
                risk.openDisputes() == null ? "Open disputes: not known here." : "Open disputes: " + risk.openDisputes());
        hint(risk.failedOrRejectedPayouts() > 0, "Earlier payouts failed or rejected: " + risk.failedOrRejectedPayouts());
        hint(risk.refundsSinceLastPayout() > 0, "Refunds of the host's gatherings since their last paid payout: " + risk.refundsSinceLastPayout());
        hint(false, "Paid before: " + risk.paidPayouts() + " payouts, " + Formats.money(risk.paidTotal()));
    }

    private void hint(boolean warn, String text) {
        Badge mark = new Badge(warn ? "check" : "ok");
        mark.addThemeVariants(warn ? BadgeVariant.WARNING : BadgeVariant.SUCCESS);
        Span line = new Span(text);
        if (warn) {
            line.addClassName("risk-warning");
        }
        HorizontalLayout row = new HorizontalLayout(mark, line);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(row);
    }
}
