package app.soiree.command.identity;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.CreateHostProfile;
import app.soiree.api.identity.RegisterStaffMember;
import app.soiree.api.identity.RegisterUser;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens accounts and signs people in. The credential row and the {@code UserRegistered} event are
 * written in one database transaction (Axon joins the surrounding Spring transaction), so an account
 * never exists in one place without the other.
 */
@Service
public class Accounts {

    /** A valid hash of a random password: checked against when the email is unknown, so that timing does not reveal which emails exist. */
    private final String decoyHash;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;
    private final LoginRateLimiter rateLimiter;
    private final Tokens tokens;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, CommandGateway commandGateway,
             LoginRateLimiter rateLimiter, Tokens tokens, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode(UserId.random().toString());
    }

    @Transactional
    public UserId register(String email, String password, String displayName, @Nullable String phone) {
        UserId userId = UserId.random();
        String normalizedEmail = claim(userId, email, password, EnumSet.of(Role.GUEST));
        commandGateway.sendAndWait(new RegisterUser(userId, normalizedEmail, displayName.strip(), phone));
        return userId;
    }

    @Transactional
    public UserId registerStaffMember(String email, String password, String displayName, Set<Role> roles) {
        UserId userId = UserId.random();
        registerStaffMember(userId, email, password, displayName, roles);
        return userId;
    }

    /** As above, under an id the caller chose (the console names the account before it exists). */
    @Transactional
    public void registerStaffMember(UserId userId, String email, String password, String displayName, Set<Role> roles) {
        if (roles.isEmpty() || !Role.STAFF.containsAll(roles)) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Staff accounts hold only the roles " + Role.STAFF);
        }
        String normalizedEmail = claim(userId, email, password, EnumSet.copyOf(roles));
        commandGateway.sendAndWait(new RegisterStaffMember(userId, normalizedEmail, displayName.strip(), roles));
    }

    /** The ids among these that name no registered user, asked in one query of the command side's own records (no read-model lag). */
    public Set<UserId> unregistered(Collection<UserId> userIds) {
        Set<UserId> known = accounts.findAllById(userIds.stream().map(UserId::value).toList()).stream()
                .map(Account::userId).collect(Collectors.toSet());
        return userIds.stream().filter(userId -> !known.contains(userId)).collect(Collectors.toSet());
    }

    /** Whether an account with this email exists; used to create the first admin exactly once. */
    public boolean exists(String email) {
        return accounts.existsByEmail(normalizeEmail(email));
    }

    @Transactional
    public TokenPair login(String email, String password, String clientAddress) {
        String normalizedEmail = normalizeEmail(email);
        rateLimiter.acquire(normalizedEmail, clientAddress);
        Account account = accounts.findByEmail(normalizedEmail).orElse(null);
        String hash = account == null ? decoyHash : account.passwordHash();
        boolean matches = passwordEncoder.matches(password, hash);
        if (account == null || !matches) {
            throw new SoireeException(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong");
        }
        return tokens.issue(account);
    }

    @Transactional
    public void becomeHost(UserId userId, @Nullable String bio) {
        Account account = accounts.findById(userId.value()).orElseThrow(() -> SoireeException.notFound("Account"));
        commandGateway.sendAndWait(new CreateHostProfile(userId, bio));
        account.grant(Role.HOST);
    }

    private String claim(UserId userId, String email, String password, Set<Role> roles) {
        String normalizedEmail = normalizeEmail(email);
        if (accounts.existsByEmail(normalizedEmail)) {
            throw emailTaken();
        }
        try {
            accounts.saveAndFlush(new Account(userId, normalizedEmail, passwordEncoder.encode(password), roles, clock.instant()));
        } catch (DataIntegrityViolationException concurrentRegistration) {
            throw emailTaken();
        }
        return normalizedEmail;
    }

    private static SoireeException emailTaken() {
        return new SoireeException(ErrorCode.EMAIL_ALREADY_REGISTERED, "An account with this email already exists");
    }

    /** Emails are compared in one form everywhere: no surrounding space, lower case. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
