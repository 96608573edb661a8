package app.soiree.console.staff;

import app.soiree.api.RandomUuids;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.CreateStaffAccount;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.console.platform.CommandRefused;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields of a new staff account. It checks what it can before anything is sent (the command side
 * checks again) and tells its view through a {@link CreateEvent}.
 */
class StaffAccountForm extends FormLayout {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;

    final TextField displayName = new TextField("Name");
    final EmailField email = new EmailField("Email");
    final PasswordField password = new PasswordField("Initial password");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Button create = new Button("Open account");
    final Span problem = new Span();

    StaffAccountForm() {
        displayName.setMaxLength(80);
        displayName.setRequired(true);
        email.setMaxLength(254);
        email.setRequiredIndicatorVisible(true);
        password.setMinLength(MIN_PASSWORD_LENGTH);
        password.setMaxLength(MAX_PASSWORD_LENGTH);
        password.setRequired(true);
        password.setHelperText("At least " + MIN_PASSWORD_LENGTH + " characters; tell it to them in person and ask them to keep it to themselves.");
        roles.setItems(Role.STAFF.stream().sorted().toList());
        roles.setRequired(true);
        roles.setHelperText("SUPPORT works disputes and reported chat messages and looks things up; FINANCE approves payouts and "
                + "audits the ledger; ADMIN manages staff.");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> submit());
        problem.addClassName("error-text");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        add(displayName, email, password, roles, create, problem);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    private void submit() {
        problem.setText("");
        boolean valid = check(!displayName.getValue().isBlank(), displayName, "Enter a name");
        valid &= check(email.getValue().matches("[^@\\s]+@[^@\\s]+") && !email.isInvalid(), email, "Enter an email address");
        int length = password.getValue().length();
        valid &= check(length >= MIN_PASSWORD_LENGTH && length <= MAX_PASSWORD_LENGTH, password,
                MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        valid &= check(!roles.getValue().isEmpty(), roles, "Choose at least one role");
        if (!valid) {
            return;
        }
        Set<Role> chosen = EnumSet.copyOf(roles.getValue());
        fireEvent(new CreateEvent(this, new CreateStaffAccount(new UserId(RandomUuids.next()), email.getValue().strip(),
                displayName.getValue().strip(), password.getValue(), chosen)));
    }

    private static boolean check(boolean ok, com.vaadin.flow.component.HasValidation field, String message) {
        field.setInvalid(!ok);
        field.setErrorMessage(ok ? null : message);
        return ok;
    }

    void showRefusal(CommandRefused refused) {
        if (refused.code() == ErrorCode.EMAIL_ALREADY_REGISTERED) {
            check(false, email, refused.explanation());
        } else {
            problem.setText(refused.explanation());
        }
    }

    void clear() {
        displayName.clear();
        email.clear();
        password.clear();
        roles.clear();
        displayName.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        roles.setInvalid(false);
        problem.setText("");
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    /** The admin asked to open this account. */
    static final class CreateEvent extends ComponentEvent<StaffAccountForm> {

        private final CreateStaffAccount command;

        CreateEvent(StaffAccountForm source, CreateStaffAccount command) {
            super(source, false);
            this.command = command;
        }

        CreateStaffAccount command() {
            return command;
        }
    }
}
