package app.soiree.console.staff;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserProfileView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Asks which staff roles an account should hold and confirms the change. Admins cannot take ADMIN
 * from themselves (the platform refuses it too), so the box is locked on their own account.
 */
class RolesDialog extends Dialog {

    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Staff roles");
    final Button save = new Button("Save roles");

    /** {@code apply} returns whether the change went through; only then does the dialog close. */
    RolesDialog(UserProfileView profile, boolean ownAccount, Predicate<Set<Role>> apply) {
        setHeaderTitle("Roles of " + profile.displayName());
        roles.setItems(Role.STAFF.stream().sorted().toList());
        Set<Role> current = EnumSet.noneOf(Role.class);
        profile.roles().stream().filter(Role::isStaff).forEach(current::add);
        roles.setValue(current);
        if (ownAccount && current.contains(Role.ADMIN)) {
            roles.setItemEnabledProvider(role -> role != Role.ADMIN);
        }
        Paragraph note = new Paragraph(profile.email() + " signs in with these roles from their next sign-in.");
        note.addClassName("muted");
        add(note, roles);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            if (roles.getValue().isEmpty()) {
                roles.setInvalid(true);
                roles.setErrorMessage("A staff account keeps at least one role");
                return;
            }
            if (apply.test(EnumSet.copyOf(roles.getValue()))) {
                close();
            }
        });
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }
}
