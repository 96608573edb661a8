package app.soiree.console.notification;

import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.ResendNotification;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.api.notification.StaffNotificationView.DeliveryStep;
import app.soiree.api.notification.StaffNotificationView.DeliveryView;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One notification's deliveries, a section per channel: where it stands, every step of its history, and (but for in-app,
 * which stays in the inbox) "Resend", which
 * sends {@link ResendNotification} in the signed-in member's name after a confirmation. A refusal is shown in support's
 * words; after a resend, {@code refresh} reads the notification again (the history shows the resend once projected).
 */
final class DeliveriesPanel extends VerticalLayout {

    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final Runnable refresh;
    final H3 title = new H3();
    final Paragraph facts = new Paragraph();
    final Paragraph refusal = new Paragraph();
    final VerticalLayout channels = new VerticalLayout();
    final Map<NotificationChannel, Button> resend = new EnumMap<>(NotificationChannel.class);
    final Map<NotificationChannel, Grid<DeliveryStep>> histories = new EnumMap<>(NotificationChannel.class);
    private @Nullable StaffNotificationView shown;

    DeliveriesPanel(StaffCommands commands, SignedInStaff signedIn, Runnable refresh) {
        this.commands = commands;
        this.signedIn = signedIn;
        this.refresh = refresh;
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);
        channels.setPadding(false);
        setPadding(false);
        add(title, facts, refusal, channels);
        show(null);
    }

    void show(@Nullable StaffNotificationView notification) {
        boolean another = notification == null || shown == null || !shown.notificationId().equals(notification.notificationId());
        shown = notification;
        if (another) {
            refusal.setVisible(false);
        }
        channels.removeAll();
        resend.clear();
        histories.clear();
        setVisible(notification != null);
        if (notification == null) {
            return;
        }
        title.setText(notification.title());
        facts.setText(NotificationLabels.words(notification.kind()) + " · " + NotificationLabels.words(notification.category())
                + " · planned " + Formats.time(notification.createdAt()) + " under preferences v" + notification.preferenceVersion()
                + " · in the inbox: " + NotificationLabels.inbox(notification) + " · “" + notification.body() + "”");
        channels.add(new RouterLink("Audit trail of this notification", AuditTimelineView.class, new RouteParameters(
                new RouteParam(AuditTimelineView.TYPE_PARAMETER, "Notification"),
                new RouteParam(AuditTimelineView.ID_PARAMETER, notification.notificationId().toString()))));
        if (notification.deliveries().isEmpty()) {
            channels.add(new Paragraph("No delivery has been decided yet."));
        }
        notification.deliveries().forEach(delivery -> channels.add(section(notification, delivery)));
    }

    private VerticalLayout section(StaffNotificationView notification, DeliveryView delivery) {
        H4 heading = new H4(NotificationLabels.delivery(delivery));
        StringBuilder about = new StringBuilder("Attempt " + delivery.attempt() + " · since " + Formats.time(delivery.updatedAt()));
        if (delivery.destination() != null) {
            about.append(" · to ").append(delivery.destination());
        }
        if (delivery.resentBy() != null) {
            about.append(" · resent by ").append(delivery.resentBy());
        }
        HorizontalLayout bar = new HorizontalLayout(heading);
        // In-app is not sent again: the inbox is its delivery, and it stays there.
        if (delivery.channel() != NotificationChannel.IN_APP) {
            Button again = new Button("Resend on " + NotificationLabels.words(delivery.channel()));
            again.addThemeVariants(ButtonVariant.SMALL);
            again.setEnabled(!notification.withdrawn());
            again.setTooltipText(notification.withdrawn() ? "A withdrawn notification is not sent again" : "Sends it again, in your name");
            again.addClickListener(click -> confirmResend(notification, delivery.channel()));
            resend.put(delivery.channel(), again);
            bar.add(again);
        }
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Grid<DeliveryStep> history = new Grid<>();
        history.addColumn(step -> Formats.time(step.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(step -> NotificationLabels.words(step.step())).setHeader("Step").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(step -> step.status() == null ? "" : NotificationLabels.words(step.status())).setHeader("Status")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(NotificationLabels::details).setHeader("Details").setFlexGrow(1);
        history.addThemeVariants(GridVariant.ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.setItems(delivery.history());
        histories.put(delivery.channel(), history);
        VerticalLayout section = new VerticalLayout(bar, new Paragraph(about.toString()), history);
        section.setPadding(false);
        section.setSpacing(false);
        return section;
    }

    private void confirmResend(StaffNotificationView notification, NotificationChannel channel) {
        refusal.setVisible(false);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Resend on " + NotificationLabels.words(channel) + "?");
        confirm.setText("“" + notification.title() + "” goes out again on " + NotificationLabels.words(channel) + ", as support and in your "
                + "name, whatever the user's preferences say. The delivery's history will show who resent it.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Resend");
        confirm.addConfirmListener(confirmed -> resend(notification, channel));
        confirm.open();
    }

    void resend(StaffNotificationView notification, NotificationChannel channel) {
        try {
            commands.send(new ResendNotification(notification.notificationId(), channel, signedIn.userId()));
        } catch (CommandRefused refused) {
            refusal.setText(ResendRefusals.explanation(refused));
            refusal.setVisible(true);
            Notices.error(refusal.getText());
            return;
        }
        Notices.success("Resend on " + NotificationLabels.words(channel) + " asked for; its history shows it in a moment.");
        refresh.run();
    }
}
