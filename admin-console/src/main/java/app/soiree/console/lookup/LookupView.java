package app.soiree.console.lookup;

import app.soiree.api.booking.BookingView;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.TierView;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.payment.PaymentView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
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

/**
 * One search box for whatever support has in hand: an id (of a user, gathering, booking or payment),
 * an email, or the payment provider's reference. Each find links onwards to the things it names and
 * to its audit timeline. The search is in the address ({@code ?q=}), so a find can be shared.
 */
@Route("lookup")
@PageTitle("Lookup · Soiree console")
@Menu(order = 100, title = "Lookup")
@InSection(MenuSection.SUPPORT)
@RolesAllowed({"SUPPORT", "FINANCE"})
public class LookupView extends VerticalLayout implements BeforeEnterObserver {

    public static final String QUERY_PARAMETER = "q";

    private final Lookup lookup;
    final TextField search = new TextField();
    final Button find = new Button("Find", VaadinIcon.SEARCH.create());
    final Span summary = new Span();
    final VerticalLayout results = new VerticalLayout();

    public LookupView(Lookup lookup) {
        this.lookup = lookup;
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

    private static Component card(LookupHit hit) {
        return switch (hit) {
            case LookupHit.User user -> userCard(user.user());
            case LookupHit.Gathering gathering -> gatheringCard(gathering.gathering());
            case LookupHit.Booking booking -> bookingCard(booking.booking(), booking.matchedBy());
            case LookupHit.InEventStreamOnly stream -> streamCard(stream.aggregateType(), stream.id());
        };
    }

    private static Card userCard(UserProfileView user) {
        Card card = card("User", user.displayName(), user.email());
        card.add(facts(
                "Roles: " + user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")),
                "Registered: " + Formats.time(user.registeredAt()),
                "Id: " + user.userId()));
        card.addToFooter(timeline("User", user.userId().value()));
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
        card.addToFooter(timeline("Gathering", gathering.gatheringId().value()));
        return card;
    }

    private static String tier(TierView tier) {
        return tier.name() + " " + Formats.money(tier.price());
    }

    private static Card bookingCard(BookingView booking, String matchedBy) {
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
            links.addComponentAsFirst(timeline("Payment", payment.paymentId().value()));
        }
        card.add(refundPlaceholder());
        card.addToFooter(links);
        return card;
    }

    /** Where issuing a manual refund goes; it arrives with the refunds work, so nothing here pretends to do it yet. */
    private static Div refundPlaceholder() {
        Div slot = new Div(new Span("Manual refund: not available in the console yet; it comes with the refunds work."));
        slot.addClassName("coming-later");
        slot.setId("refund-slot");
        return slot;
    }

    private static Card streamCard(String aggregateType, UUID id) {
        Card card = card(aggregateType, id.toString(), "in the event stream only");
        card.add(new Paragraph("No read model shows this " + aggregateType.toLowerCase() + " (a draft, or events not projected yet); "
                + "its events are all there is."));
        card.addToFooter(timeline(aggregateType, id));
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

    private static RouterLink timeline(String aggregateType, UUID id) {
        return new RouterLink(aggregateType + " timeline", AuditTimelineView.class, new RouteParameters(
                new com.vaadin.flow.router.RouteParam(AuditTimelineView.TYPE_PARAMETER, aggregateType),
                new com.vaadin.flow.router.RouteParam(AuditTimelineView.ID_PARAMETER, id.toString())));
    }
}
