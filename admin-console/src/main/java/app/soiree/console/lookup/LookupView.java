package app.soiree.console.lookup;

import app.soiree.api.audit.TimelineSubject;
import app.soiree.api.booking.BookingView;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.TierView;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.payment.PaymentStatus;
import app.soiree.api.refund.RefundPayment;
import app.soiree.api.refund.RefundView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One search box for whatever support has in hand: an id (of a user, gathering, booking, payment or payout),
 * an email, or the payment provider's reference. Each find links onwards to the things it names, to its
 * causal story across aggregates and to its aggregate's own trail. The search is in the address ({@code ?q=}), so a
 * find can be shared.
 */
@Route("lookup")
@PageTitle("Lookup · Soiree console")
@Menu(order = 100, title = "Lookup")
@InSection(MenuSection.SUPPORT)
@RolesAllowed({"SUPPORT", "FINANCE"})
public class LookupView extends VerticalLayout implements BeforeEnterObserver {

    public static final String QUERY_PARAMETER = "q";

    private final Lookup lookup;
    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final LiveUpdates liveUpdates;
    final TextField search = new TextField();
    final Button find = new Button("Find", VaadinIcon.SEARCH.create());
    final Span summary = new Span();
    final VerticalLayout results = new VerticalLayout();

    public LookupView(Lookup lookup, StaffCommands commands, SignedInStaff signedIn, LiveUpdates liveUpdates) {
        this.lookup = lookup;
        this.commands = commands;
        this.signedIn = signedIn;
        this.liveUpdates = liveUpdates;
        addClassName("console-view");
        search.setPlaceholder("An id, an email or a provider reference (pi_…)");
        search.setWidth("32em");
        search.setMaxLength(Lookup.MAX_TERM_LENGTH);
        search.setClearButtonVisible(true);
        search.setAriaLabel("Search");
        find.addThemeVariants(ButtonVariant.PRIMARY);
        find.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(LookupView.class,
                QueryParameters.of(QUERY_PARAMETER, search.getValue().strip()))));
        find.addClickShortcut(Key.ENTER);
        results.setPadding(false);
        HorizontalLayout bar = new HorizontalLayout(search, find);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Lookup"), bar, summary, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> term = event.getLocation().getQueryParameters().getParameters().getOrDefault(QUERY_PARAMETER, List.of());
        String text = term.isEmpty() ? "" : term.getFirst().strip();
        search.setValue(text);
        show(text);
    }

    private void show(String term) {
        results.removeAll();
        if (term.isEmpty()) {
            summary.setText("");
            return;
        }
        List<LookupHit> hits = lookup.find(term);
        summary.setText(hits.isEmpty() ? "Nothing found for “" + term + "”." : hits.size() + (hits.size() == 1 ? " find" : " finds")
                + " for “" + term + "”.");
        hits.forEach(hit -> results.add(card(hit)));
    }

    private Component card(LookupHit hit) {
        return switch (hit) {
            case LookupHit.User user -> userCard(user.user());
            case LookupHit.Gathering gathering -> gatheringCard(gathering.gathering());
            case LookupHit.Booking booking -> bookingCard(booking.booking(), booking.matchedBy());
            case LookupHit.InEventStreamOnly stream -> streamCard(stream.aggregateType(), stream.id());
            case LookupHit.Payout payout -> payoutCard(payout.payoutId());
        };
    }

    private static Card userCard(UserProfileView user) {
        Card card = card("User", user.displayName(), user.email());
        card.add(facts(
                "Roles: " + user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")),
                "Registered: " + Formats.time(user.registeredAt()),
                "Id: " + user.userId()));
        HorizontalLayout links = new HorizontalLayout(story(TimelineSubject.USER, user.userId().value()), timeline("User", user.userId().value()));
        if (user.roles().contains(Role.HOST)) {
            links.addComponentAsFirst(story(TimelineSubject.HOST, user.userId().value()));
        }
        card.addToFooter(links);
        return card;
    }

    private static Card gatheringCard(GatheringView gathering) {
        Card card = card("Gathering", gathering.title(), gathering.status().name());
        String tiers = gathering.tiers().stream().map(LookupView::tier).collect(Collectors.joining("; "));
        card.add(facts(
                "Starts: " + Formats.time(gathering.startsAt()) + " · ends: " + Formats.time(gathering.endsAt()),
                "Tiers: " + tiers,
                "Id: " + gathering.gatheringId()));
        card.add(new HorizontalLayout(new Span("Host:"), find(gathering.hostId().toString())));
        card.addToFooter(new HorizontalLayout(story(TimelineSubject.GATHERING, gathering.gatheringId().value()),
                timeline("Gathering", gathering.gatheringId().value()), asOf(gathering.gatheringId().value())));
        return card;
    }

    private static String tier(TierView tier) {
        return tier.name() + " " + Formats.money(tier.price());
    }

    private Card bookingCard(BookingView booking, String matchedBy) {
        Card card = card("Booking", booking.quantity() + " × seat, " + Formats.money(booking.amount()), booking.status().name()
                + " · found by " + matchedBy);
        card.add(facts(
                "Booked: " + Formats.time(booking.createdAt()) + (booking.checkedIn() ? " · checked in" : ""),
                "Refunded: " + Formats.money(booking.refundedAmount()),
                "Id: " + booking.bookingId()));
        card.add(new HorizontalLayout(new Span("Guest:"), find(booking.guestId().toString()),
                new Span("Host:"), find(booking.hostId().toString()),
                new Span("Gathering:"), find(booking.gatheringId().toString())));
        HorizontalLayout links = new HorizontalLayout(timeline("Gathering", booking.gatheringId().value()));
        PaymentView payment = booking.payment();
        if (payment != null) {
            card.add(facts("Payment: " + payment.status() + " via " + payment.provider() + ", " + Formats.money(payment.amount())
                            + ", refund requested " + Formats.money(payment.refundRequested())
                            + (payment.failureReason() == null ? "" : " · failed: " + payment.failureReason()),
                    "Payment id: " + payment.paymentId()));
            payment.refunds().forEach(refund -> card.add(facts(refundLine(refund))));
            links.addComponentAsFirst(timeline("Payment", payment.paymentId().value()));
            links.addComponentAsFirst(story(TimelineSubject.PAYMENT, payment.paymentId().value()));
        }
        links.addComponentAsFirst(story(TimelineSubject.BOOKING, booking.bookingId().value()));
        card.add(refundAction(booking));
        card.addToFooter(links);
        return card;
    }

    private static String refundLine(RefundView refund) {
        return "Refund " + Formats.money(refund.amount()) + " " + refund.status() + " · " + refund.reason()
                + (refund.requestedBy() == null ? "" : " · by " + refund.requestedBy()) + " · " + Formats.time(refund.requestedAt())
                + (refund.failureReason() == null ? "" : " · " + refund.failureReason());
    }

    /** Support may give money back from here; finance sees where that happens. */
    private Div refundAction(BookingView booking) {
        Div slot = new Div();
        slot.setId("refund-slot");
        PaymentView payment = booking.payment();
        if (!ManualRefundDialog.offered(payment)) {
            slot.add(new Span(payment == null ? "No payment: nothing to refund." : "Nothing to refund: "
                    + (payment.status() == PaymentStatus.CAPTURED ? "all of it was given back." : "the payment is " + payment.status() + ".")));
            slot.addClassName("muted");
        } else if (!signedIn.has(Role.SUPPORT)) {
            slot.add(new Span("Support issues refunds; " + Formats.money(ManualRefundDialog.refundable(payment)) + " is left to refund."));
            slot.addClassName("muted");
        } else {
            Button open = new Button("Issue a refund…", VaadinIcon.ARROW_BACKWARD.create(), click -> openRefund(booking, payment));
            open.addThemeVariants(ButtonVariant.ERROR);
            slot.add(open);
        }
        return slot;
    }

    private void openRefund(BookingView booking, PaymentView payment) {
        new ManualRefundDialog(booking, payment, refund -> {
            try {
                commands.send(refund);
            } catch (CommandRefused refused) {
                Notices.error(refundRefusal(refused));
                return false;
            }
            Notices.success("Refund of " + Formats.money(refund.amount()) + " requested; the guest gets it once " + payment.provider()
                    + " confirms. It shows here in a moment.");
            showOnceRecorded(booking, refund);
            return true;
        }).open();
    }

    /** The read side lists the refund a moment later; show the booking again once it does. */
    private void showOnceRecorded(BookingView booking, RefundPayment refund) {
        liveUpdates.showOnceProjected(results, () -> lookup.booking(booking.bookingId()),
                current -> hasRefund(current, refund), current -> show(search.getValue().strip()));
    }

    private static boolean hasRefund(BookingView booking, RefundPayment refund) {
        PaymentView payment = booking.payment();
        return payment != null && payment.refunds().stream().map(RefundView::refundId).anyMatch(refund.refundId()::equals);
    }

    private static String refundRefusal(CommandRefused refused) {
        return switch (refused.code()) {
            case REFUND_EXCEEDS_CAPTURED -> "That is more than is left to refund; someone refunded part of it meanwhile. Look again.";
            case REFUND_NOT_ALLOWED -> "The payment is under dispute: it cannot be refunded until the dispute is decided.";
            case PAYMENT_NOT_CAPTURED -> "Nothing was captured on this payment, so there is nothing to refund.";
            default -> refused.explanation();
        };
    }

    private static Card streamCard(String aggregateType, UUID id) {
        Card card = card(aggregateType, id.toString(), "in the event stream only");
        card.add(new Paragraph("No read model shows this " + aggregateType.toLowerCase() + " (a draft, or events not projected yet); "
                + "its events are all there is."));
        HorizontalLayout links = new HorizontalLayout(timeline(aggregateType, id));
        if ("Gathering".equals(aggregateType)) {
            // no read model shows it (a draft, or not projected yet), but its past can be rebuilt from its events
            links.add(asOf(id));
        }
        card.addToFooter(links);
        return card;
    }

    private static Card payoutCard(UUID payoutId) {
        Card card = card("Payout", payoutId.toString(), "found in the causal timelines");
        card.add(new Paragraph("The payout's story holds its approvals and transfer, and the release of the earnings it paid out."));
        card.addToFooter(story(TimelineSubject.PAYOUT, payoutId));
        return card;
    }

    private static Card card(String kind, String title, String subtitle) {
        Card card = new Card();
        card.setTitle(title);
        card.setSubtitle(subtitle);
        card.setHeaderPrefix(new Badge(kind));
        card.setWidthFull();
        card.addClassName("lookup-hit");
        return card;
    }

    private static Div facts(String... lines) {
        Div facts = new Div();
        for (String line : lines) {
            Div fact = new Div(line);
            fact.addClassName("fact");
            facts.add(fact);
        }
        return facts;
    }

    private static RouterLink find(String id) {
        RouterLink link = Links.withQuery(id, LookupView.class, QUERY_PARAMETER, id);
        link.addClassName("mono");
        return link;
    }

    /** The causal story across aggregates ({@link CausalTimelineView}). */
    private static RouterLink story(TimelineSubject subject, UUID id) {
        String name = subject.pathName();
        return new RouterLink(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " story", CausalTimelineView.class,
                new RouteParameters(new com.vaadin.flow.router.RouteParam(CausalTimelineView.SUBJECT_PARAMETER, name),
                        new com.vaadin.flow.router.RouteParam(CausalTimelineView.ID_PARAMETER, id.toString())));
    }

    /** The gathering as it stood at an instant ({@link GatheringTimeTravelView}), as it stands now to begin with. */
    private static RouterLink asOf(UUID gatheringId) {
        return Links.withQuery("Gathering as of…", GatheringTimeTravelView.class, GatheringTimeTravelView.GATHERING_PARAMETER,
                gatheringId.toString());
    }

    private static RouterLink timeline(String aggregateType, UUID id) {
        return new RouterLink(aggregateType + " timeline", AuditTimelineView.class, new RouteParameters(
                new com.vaadin.flow.router.RouteParam(AuditTimelineView.TYPE_PARAMETER, aggregateType),
                new com.vaadin.flow.router.RouteParam(AuditTimelineView.ID_PARAMETER, id.toString())));
    }
}
