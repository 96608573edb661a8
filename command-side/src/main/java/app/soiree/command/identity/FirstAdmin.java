package app.soiree.command.identity;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Role;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first ADMIN from {@code soiree.admin.email} and {@code soiree.admin.password} when no
 * account with that email exists. Every other staff account is created by an admin.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final String email;
    private final String password;

    FirstAdmin(Accounts accounts, @Value("${soiree.admin.email:}") String email,
               @Value("${soiree.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            log.info("No soiree.admin.email configured: no admin account is created at start-up");
            return;
        }
        if (accounts.exists(email)) {
            return;
        }
        if (password.length() < 10) {
            throw new IllegalStateException("soiree.admin.password must be set and at least 10 characters long");
        }
        try {
            accounts.registerStaffMember(email, password, "Administrator", Set.of(Role.ADMIN));
            log.info("Created the first admin account {}", email);
        } catch (SoireeException anotherReplicaWasFaster) {
            if (anotherReplicaWasFaster.code() != ErrorCode.EMAIL_ALREADY_REGISTERED) {
                throw anotherReplicaWasFaster;
            }
            log.info("The first admin account {} was created by another replica", email);
        }
    }
}
