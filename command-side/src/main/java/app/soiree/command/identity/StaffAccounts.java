package app.soiree.command.identity;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.CreateStaffAccount;
import app.soiree.api.identity.StaffRolesChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Staff accounts as the console manages them through the command bus. Creating one needs the
 * credential store as well as the {@code User} aggregate, so it is handled here rather than in the
 * aggregate; a change of roles is decided by the aggregate and followed here, in the same transaction
 * (a subscribing processor whose failures propagate), so that sign-in never sees other roles than the
 * event stream holds.
 */
@Component
@ProcessingGroup(StaffAccounts.PROCESSING_GROUP)
class StaffAccounts {

    static final String PROCESSING_GROUP = "account-roles";

    /** The same bounds as the API's staff request, which Bean Validation checks there. */
    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 80;

    private final Accounts accounts;
    private final AccountRepository credentials;

    StaffAccounts(Accounts accounts, AccountRepository credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(CreateStaffAccount command) {
        String email = command.email().strip();
        if (email.length() > MAX_EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw invalid("email must be an email address of at most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (command.displayName().isBlank() || command.displayName().strip().length() > MAX_DISPLAY_NAME_LENGTH) {
            throw invalid("displayName must be 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        int passwordLength = command.initialPassword().length();
        if (passwordLength < MIN_PASSWORD_LENGTH || passwordLength > MAX_PASSWORD_LENGTH) {
            throw invalid("the password must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        accounts.registerStaffMember(command.userId(), email, command.initialPassword(), command.displayName(), command.roles());
    }

    @EventHandler
    void on(StaffRolesChanged event) {
        Account account = credentials.findById(event.userId().value()).orElseThrow(() -> new IllegalStateException(
                "User " + event.userId() + " has events but no credentials"));
        account.holdExactly(event.roles());
    }

    private static SoireeException invalid(String message) {
        return new SoireeException(ErrorCode.VALIDATION_FAILED, message);
    }
}
