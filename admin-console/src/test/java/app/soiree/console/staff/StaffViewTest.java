package app.soiree.console.staff;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.CreateStaffAccount;
import app.soiree.api.identity.Role;
import app.soiree.console.support.ConsoleViewTest;
import app.soiree.console.support.TestDirectory;
import com.vaadin.flow.component.notification.Notification;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The form checks what it can before sending, sends one command, and shows a refusal where it belongs. */
@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "ADMIN")
class StaffViewTest extends ConsoleViewTest {

    @Autowired
    TestDirectory directory;

    @BeforeEach
    void noAccountsYet() {
        directory.accountsOpened.clear();
    }

    @Test
    void anIncompleteFormSendsNothingAndSaysWhatIsMissing() {
        StaffView view = navigate(StaffView.class);

        test(view.form.password).setValue("short");
        test(view.form.create).click();

        assertThat(directory.accountsOpened).isEmpty();
        assertThat(view.form.displayName.isInvalid()).isTrue();
        assertThat(view.form.email.isInvalid()).isTrue();
        assertThat(view.form.password.getErrorMessage()).isEqualTo("10 to 128 characters");
        assertThat(view.form.roles.getErrorMessage()).isEqualTo("Choose at least one role");
    }

    @Test
    void aCompleteFormOpensTheAccountUnderAFreshIdAndClearsItself() {
        StaffView view = navigate(StaffView.class);

        fill(view, "new.colleague@soiree.test");
        test(view.form.create).click();

        CreateStaffAccount sent = directory.accountsOpened.getFirst();
        assertThat(sent.email()).isEqualTo("new.colleague@soiree.test");
        assertThat(sent.displayName()).isEqualTo("Noa Colleague");
        assertThat(sent.initialPassword()).isEqualTo("a-first-password");
        assertThat(sent.roles()).isEqualTo(Set.of(Role.FINANCE, Role.SUPPORT));
        assertThat(sent.toString()).doesNotContain("a-first-password");
        assertThat(view.form.email.getValue()).isEmpty();
        assertThat(test($(Notification.class).last()).getText()).startsWith("Account opened for new.colleague@soiree.test");
    }

    @Test
    void aTakenEmailIsMarkedOnTheEmailField() {
        StaffView view = navigate(StaffView.class);

        fill(view, TestDirectory.TAKEN_EMAIL);
        test(view.form.create).click();

        assertThat(view.form.email.isInvalid()).isTrue();
        assertThat(view.form.email.getErrorMessage()).isEqualTo("An account with this email already exists.");
        assertThat(view.form.displayName.getValue()).as("nothing typed is lost").isEqualTo("Noa Colleague");
    }

    @Test
    void theListShowsTheStaffFromTheQuerySide() {
        StaffView view = navigate(StaffView.class);

        assertThat(test(view.staff).size()).isEqualTo(1);
        assertThat(test(view.staff).getCellText(0, 1)).isEqualTo("casey@soiree.test");
        assertThat(test(view.staff).getCellText(0, 2)).isEqualTo("FINANCE");
    }

    @Test
    void aSearchNarrowsTheListOnTheQuerySide() {
        StaffView view = navigate(StaffView.class);

        test(view.search).setValue("nobody");
        assertThat(test(view.staff).size()).isZero();

        test(view.search).setValue("CASEY");
        assertThat(test(view.staff).size()).isEqualTo(1);
    }

    private void fill(StaffView view, String email) {
        test(view.form.displayName).setValue("Noa Colleague");
        test(view.form.email).setValue(email);
        test(view.form.password).setValue("a-first-password");
        test(view.form.roles).selectItems("FINANCE", "SUPPORT");
    }
}
