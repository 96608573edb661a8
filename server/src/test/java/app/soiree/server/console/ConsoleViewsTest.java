package app.soiree.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.operations.FindParkedEvents;
import app.soiree.api.operations.ParkedEventPage;
import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.console.layout.AccessDeniedView;
import app.soiree.console.ledger.AccountStatementView;
import app.soiree.console.ledger.BalancesView;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.operations.ParkedEventsView;
import app.soiree.console.staff.StaffView;
import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.JsonNode;

/**
 * The console's views against the whole platform: real commands, real projections, real query
 * handlers; only the browser is simulated (Vaadin browserless testing). Staff sign in as accounts
 * the admin opened.
 */
@IntegrationTest
@ViewPackages(packages = "app.soiree.console")
class ConsoleViewsTest extends SpringBrowserlessTest {

    private static final String PREFIX = "views";
    private static final String FINANCE = PREFIX + ".finance@soiree.test";
    private static final String SUPPORT = PREFIX + ".support@soiree.test";
    private static final String ADMIN = "admin@soiree.test";

    private static PaidBooking paid;
    private static Api.Session admin;
    private static Map<String, Api.Session> staff;

    @Autowired
    QueryGateway queries;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;

    @LocalServerPort
    int port;

    @BeforeAll
    static void staffAndAPaidBooking(@LocalServerPort int port) {
        Api api = new Api(port);
        admin = StaffAccounts.admin(api);
        staff = StaffAccounts.open(api, admin, PREFIX, List.of("FINANCE", "SUPPORT"));
        paid = PaidBooking.make(api, "Console dinner", staff.get("SUPPORT"));
    }

    @Test
    @WithUserDetails(ADMIN)
    void anAdminOpensAStaffAccountThatSignsInAndWhoseEventsNameTheAdmin() {
        navigate(StaffView.class);
        String email = "opened." + UUID.randomUUID() + "@soiree.test";

        test($(TextField.class).withLabel("Name").single()).setValue("Robin Support");
        test($(EmailField.class).single()).setValue(email);
        test($(PasswordField.class).single()).setValue("a-first-password");
        test($(CheckboxGroup.class).withLabel("Roles").single()).selectItem("SUPPORT");
        test($(Button.class).withText("Open account").single()).click();

        Api api = new Api(port);
        Api.Session robin = api.signIn("", email, "a-first-password");
        assertThat(roles(robin)).containsExactly("SUPPORT");
        UserProfileView profile = await().atMost(Duration.ofSeconds(20)).until(() -> userByEmail(email), found -> found != null);
        AuditEventView registered = trail("User", profile.userId().value()).events().getFirst();
        assertThat(registered.type()).isEqualTo("UserRegistered");
        assertThat(registered.actor()).isEqualTo(userByEmail(ADMIN).userId().toString());
        assertThat(registered.actorRoles()).isEqualTo("ADMIN");
        assertThat(registered.payloadJson()).doesNotContain("a-first-password");

        // The list follows the read side by itself, pushed into the page.
        Grid<?> staff = $(Grid.class).single();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return test(staff).size() > 0 && emails(staff).contains(email);
        });
    }

    @Test
    @WithUserDetails(ADMIN)
    void anAdminChangesAStaffMembersRolesForTheirNextSignIn() {
        String email = "changing." + UUID.randomUUID() + "@soiree.test";
        Api api = new Api(port);
        api.post("/api/admin/staff", admin.accessToken(), Map.of("email", email, "password", "a-first-password",
                "displayName", "Sam Changing", "roles", List.of("SUPPORT"))).expectStatus(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> userByEmail(email), found -> found != null);
        navigate(StaffView.class);
        Grid<?> staff = $(Grid.class).single();
        int row = emails(staff).indexOf(email);
        assertThat(row).isNotNegative();

        test((Button) test(staff).getCellComponent(row, 4)).click();
        Dialog dialog = $(Dialog.class).single();
        CheckboxGroup<?> roles = $(CheckboxGroup.class, dialog).single();
        test(roles).deselectItem("SUPPORT");
        test(roles).selectItem("FINANCE");
        test($(Button.class, dialog).withText("Save roles").single()).click();

        assertThat(roles(api.signIn("", email, "a-first-password"))).containsExactly("FINANCE");
        await().atMost(Duration.ofSeconds(20)).until(() -> userByEmail(email).roles(), now -> now.equals(java.util.Set.of(Role.FINANCE)));
    }

    @Test
    @WithUserDetails(FINANCE)
    void financeSeesTheRealLedgerBalancedWithTheHostsEarnings() {
        navigate(BalancesView.class);

        assertThat($(Badge.class).withText("Balanced").exists()).isTrue();
        TextField filter = $(TextField.class).withId("account-filter").single();
        test(filter).setValue("platform:");
        assertThat(accountNames()).contains("platform:stripe", "platform:fees").allMatch(name -> name.startsWith("platform:"));
        test(filter).setValue(paid.host().userId().toString());
        assertThat(accountNames()).containsExactly("host:" + paid.host().userId() + ":pending");
    }

    /** The accounts the trial balance's grid shows, page after page as it scrolls. */
    private List<String> accountNames() {
        Grid<?> accounts = $(Grid.class).single();
        return java.util.stream.IntStream.range(0, test(accounts).size())
                .mapToObj(row -> test(accounts).getCellComponent(row, 0)).map(link -> ((com.vaadin.flow.router.RouterLink) link).getText())
                .toList();
    }

    @Test
    @WithUserDetails(FINANCE)
    void financeReadsTheHostsStatementFromTheJournal() {
        String account = "host:" + paid.host().userId() + ":pending";
        UI.getCurrent().navigate(AccountStatementView.class, QueryParameters.of("account", account));

        @SuppressWarnings("unchecked")
        Grid<LedgerEntryView> entries = $(Grid.class).single();
        assertThat(test(entries).size()).isEqualTo(1);
        LedgerEntryView entry = test(entries).getRow(0);
        assertThat(entry.eventType()).isEqualTo("PaymentCaptured");
        assertThat(entry.reference()).isEqualTo("payment:" + paid.paymentId());
        assertThat(test(entries).getCellText(0, 2)).isEqualTo("23.45");
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportFindsTheBookingByEveryNameItHas() {
        for (String name : List.of(paid.bookingId(), paid.paymentId(), paid.providerReference())) {
            // Payment ids and provider references are indexed by their own projection, a moment after the payment.
            await().pollInSameThread().atMost(Duration.ofSeconds(20)).alias("finds for " + name).until(() -> {
                lookUp(name);
                return $(Card.class).all().stream().anyMatch(card -> card.getHeaderPrefix() instanceof Badge kind
                        && kind.getText().equals("Booking") && card.getTitleAsText().equals("1 × seat, 25.00 EUR"));
            });
        }
        assertThat($(Button.class).withText("Issue a refund…").exists()).as("support may refund a captured payment").isTrue();

        lookUp(paid.guest().email());
        assertThat($(Card.class).single().getTitleAsText()).isEqualTo("Console dinner Guest");

        lookUp(paid.gatheringId());
        assertThat($(Card.class).single().getTitleAsText()).isEqualTo("Console dinner");

        lookUp("pi_nobody_knows");
        assertThat($(Card.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportRefundsPartOfABookingFromTheLookupAndTheGuestGetsItBackInTheirName() {
        Api api = new Api(port);
        PaidBooking booking = PaidBooking.make(api, "Refunded dinner", staff.get("SUPPORT"));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            lookUp(booking.bookingId());
            return $(Button.class).withText("Issue a refund…").exists();
        });
        test($(Button.class).withText("Issue a refund…").single()).click();
        Dialog dialog = $(Dialog.class).single();
        BigDecimalField amount = $(BigDecimalField.class, dialog).single();
        assertThat(amount.getValue()).as("offers what is left").isEqualByComparingTo("25.00");

        amount.setValue(new BigDecimal("25.01"));
        test($(Button.class, dialog).withText("Refund…").single()).click();
        assertThat(amount.getErrorMessage()).isEqualTo("At most 25.00 EUR is left to refund");
        amount.setValue(new BigDecimal("10.00"));
        test($(Button.class, dialog).withText("Refund…").single()).click();
        assertThat($(TextArea.class, dialog).single().isInvalid()).as("a reason is required").isTrue();
        assertThat($(ConfirmDialog.class).exists()).isFalse();

        test($(TextArea.class, dialog).single()).setValue("The starter never came");
        test($(Button.class, dialog).withText("Refund…").single()).click();
        test($(ConfirmDialog.class).single()).confirm();

        JsonNode payment = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/bookings/" + booking.bookingId(), booking.guest().accessToken()).json().path("payment"),
                now -> now.path("refunded").path("amount").asLong() == 1000);
        assertThat(payment.path("refunds")).hasSize(1);
        assertThat(payment.path("refunds").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        AuditEventView requested = await().atMost(Duration.ofSeconds(20)).until(
                () -> trail("Payment", UUID.fromString(booking.paymentId())).events().stream()
                        .filter(event -> event.type().equals("RefundRequested")).findFirst().orElse(null), found -> found != null);
        assertThat(requested.actor()).as("the refund is in the support agent's name").isEqualTo(userByEmail(SUPPORT).userId().toString());
        assertThat(requested.payloadJson()).contains("The starter never came");
        // The card shows the refund by itself once the read side has it, pushed into the page.
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return $(Card.class).all().stream().anyMatch(card -> card.getElement().getTextRecursively().contains("Refund 10.00 EUR"));
        });
        LedgerChecks.assertTrialBalanceBalances(api, staff.get("FINANCE"));
        LedgerChecks.assertWalletAgreesWithJournal(api, staff.get("FINANCE"), booking.host());
    }

    @Test
    @WithUserDetails(FINANCE)
    void financeSeesWhatIsLeftToRefundButLeavesRefundsToSupport() {
        UI.getCurrent().navigate(LookupView.class, QueryParameters.of("q", paid.bookingId()));

        assertThat($(Button.class).withText("Issue a refund…").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Div.class).withId("refund-slot").single().getElement().getTextRecursively())
                .isEqualTo("Support issues refunds; 25.00 EUR is left to refund.");
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportReadsThePaymentsAuditTimelineWithItsActorsAndPayloads() {
        navigate(AuditTimelineView.class, Map.of("aggregateType", "Payment", "aggregateId", paid.paymentId()));

        @SuppressWarnings("unchecked")
        Grid<AuditEventView> events = $(Grid.class).single();
        assertThat(test(events).size()).isGreaterThanOrEqualTo(2); // requested with its intent, captured
        assertThat(test(events).getRow(0).type()).isEqualTo("PaymentRequested");
        assertThat(test(events).getCellText(0, 3)).contains("Console dinner Guest");
        List<String> types = java.util.stream.IntStream.range(0, test(events).size()).mapToObj(row -> test(events).getRow(row).type()).toList();
        assertThat(types).contains("PaymentCaptured");

        AuditEventView requested = test(events).getRow(0);
        assertThat(requested.payloadJson()).contains("\"paymentId\":\"" + paid.paymentId() + "\"");
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportCannotOpenTheLedger() {
        navigate("ledger/trial-balance", AccessDeniedView.class);
        navigate("staff", AccessDeniedView.class);
        assertThat(navigate(LookupView.class)).isInstanceOf(LookupView.class);
    }

    private void lookUp(String term) {
        UI.getCurrent().navigate(LookupView.class, QueryParameters.of("q", term));
    }

    private UserProfileView userByEmail(String email) {
        return queries.query(new FindUserByEmail(email), ResponseTypes.instanceOf(UserProfileView.class)).join();
    }

    private AuditTrailPage trail(String type, UUID id) {
        return queries.query(new FindAuditTrail(type, id, 0, 100), ResponseTypes.instanceOf(AuditTrailPage.class)).join();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<String> emails(Grid grid) {
        return java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(row -> ((UserProfileView) test((Grid<UserProfileView>) grid).getRow(row)).email()).toList();
    }

    /** The roles in the access token: what the credential store holds for the account. */
    private static List<String> roles(Api.Session session) {
        String payload = new String(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get("roles").valueStream()
                .map(node -> node.asString()).toList();
    }

    /** Changes background threads made with {@code UI.access}, delivered as a push connection would. */
    private static void runPushedUpdates() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    @Test
    @WithUserDetails(SUPPORT)
    void supportSeesAnEventTheProjectionParkedAndARetryThatFailsAgainKeepsItThere() {
        UUID poisoned = UUID.randomUUID();
        transactionManager.executeInTransaction(() -> eventBus.publish(new GenericDomainEventMessage<>("User", poisoned.toString(), 0,
                new UserRegistered(new UserId(poisoned), "console." + poisoned + "@soiree.test", "Null\u0000Console", null,
                        java.util.Set.of(Role.GUEST), java.time.Instant.now()))));
        // Parked once the projection reaches the event (it may lag in the full suite); the view then shows it when opened.
        await().atMost(Duration.ofSeconds(60)).until(() -> queries.query(new FindParkedEvents("user-profiles", null, 500),
                ResponseTypes.instanceOf(ParkedEventPage.class)).join().items().stream()
                .anyMatch(parked -> parked.sequence().equals(poisoned.toString())));
        navigate(ParkedEventsView.class);
        assertThat(parkedRow(poisoned)).isNotNegative();

        Grid<?> parked = $(Grid.class).single();
        int row = parkedRow(poisoned);
        assertThat(test(parked).getCellText(row, 1)).isEqualTo("user-profiles");
        assertThat(test(parked).getCellText(row, 4)).isEqualTo("UserRegistered");
        assertThat(test(parked).getCellText(row, 5)).contains("invalid byte sequence for encoding");

        HorizontalLayout actions = (HorizontalLayout) test(parked).getCellComponent(row, 8);
        ((Button) actions.getComponentAt(0)).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(test(parked).getCellText(parkedRow(poisoned), 6)).isEqualTo("1");
    }

    private int parkedRow(UUID aggregateId) {
        Grid<?> parked = $(Grid.class).single();
        for (int row = 0; row < test(parked).size(); row++) {
            if (test(parked).getCellText(row, 2).equals(aggregateId.toString())) {
                return row;
            }
        }
        return -1;
    }
}
