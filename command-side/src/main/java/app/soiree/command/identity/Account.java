package app.soiree.command.identity;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What signing in needs and the event stream must never hold: the normalised email (unique, which
 * also makes registration set-validated) and the password hash, plus the roles to put in tokens.
 */
@Entity
@Table(name = "accounts")
class Account {

    static final String ERASED_EMAIL_PREFIX = "erased:";
    /** Not a BCrypt hash: no password matches it. */
    static final String NO_PASSWORD = "!erased";

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    Account(UserId userId, String email, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.userId = userId.value();
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = Role.encode(roles);
        this.createdAt = createdAt;
    }

    UserId userId() {
        return new UserId(userId);
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<Role> roles() {
        return Role.decode(roles);
    }

    /** The roles as the account's events last set them; the credential store follows the {@code User} aggregate. */
    void holdExactly(Set<Role> granted) {
        roles = Role.encode(granted);
    }

    /**
     * Forgets the person behind the account: the email becomes a value that is unique and plainly not an address
     * (so nobody signs in with it, and the address is free to register again) and no password matches any more.
     * The row stays: the id is still the one every event, booking and posting names.
     */
    void erase() {
        email = ERASED_EMAIL_PREFIX + userId;
        passwordHash = NO_PASSWORD;
    }

    boolean isErased() {
        return email.startsWith(ERASED_EMAIL_PREFIX);
    }

    void grant(Role role) {
        Set<Role> granted = roles();
        granted.add(role);
        roles = Role.encode(granted);
    }
}
