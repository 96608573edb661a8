package app.soiree.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ChangeProfile;
import app.soiree.api.identity.ChangeStaffRoles;
import app.soiree.api.identity.CreateHostProfile;
import app.soiree.api.identity.ErasePersonalData;
import app.soiree.api.identity.HostProfileCreated;
import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.ProfileChanged;
import app.soiree.api.identity.RegisterStaffMember;
import app.soiree.api.identity.RegisterUser;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * A person with an account. Decides who is a host, which staff roles an account holds, the name and bio others see,
 * and when the person's personal data is erased (after which the account changes no more).
 */
@Aggregate
public class User {

    @AggregateIdentifier
    private UserId userId;
    private Set<Role> roles;
    private String displayName;
    private @Nullable String bio;
    private boolean erased;

    protected User() {
        // for Axon's event sourcing
    }

    @CommandHandler
    User(RegisterUser command, Clock clock) {
        apply(new UserRegistered(command.userId(), command.email(), command.displayName(), command.phone(),
                Set.of(Role.GUEST), clock.instant()));
    }

    @CommandHandler
    User(RegisterStaffMember command, Clock clock) {
        if (command.roles().isEmpty() || !Role.STAFF.containsAll(command.roles())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "A staff account needs one or more of the roles " + Role.STAFF);
        }
        apply(new UserRegistered(command.userId(), command.email(), command.displayName(), null,
                Set.copyOf(command.roles()), clock.instant()));
    }

    @CommandHandler
    void handle(CreateHostProfile command, Clock clock) {
        requireNotErased();
        if (roles.contains(Role.HOST)) {
            throw new SoireeException(ErrorCode.ALREADY_A_HOST, "This account already has a host profile");
        }
        apply(new HostProfileCreated(userId, command.bio(), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeProfile command, Clock clock) {
        requireNotErased();
        String newName = command.displayName() == null ? displayName : command.displayName().strip();
        String newBio = command.bio() == null ? bio : command.bio().isBlank() ? null : command.bio().strip();
        if (newName.isEmpty()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "displayName must not be blank");
        }
        if (!newName.equals(displayName) || !Objects.equals(newBio, bio)) {
            apply(new ProfileChanged(userId, newName, newBio, clock.instant()));
        }
    }

    /**
     * Only staff accounts have staff roles to change: a guest's password was never vetted by an admin.
     * An admin cannot drop ADMIN from their own account, so the console always keeps an admin.
     */
    @CommandHandler
    void handle(ChangeStaffRoles command, @MetaDataValue(Actor.USER_ID_KEY) @Nullable String actingUserId, Clock clock) {
        if (command.roles().isEmpty() || !Role.STAFF.containsAll(command.roles())) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED,
                    "A staff account needs one or more of the roles " + Role.STAFF);
        }
        if (roles.stream().noneMatch(Role::isStaff)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Only staff accounts have staff roles to change");
        }
        if (userId.toString().equals(actingUserId) && roles.contains(Role.ADMIN) && !command.roles().contains(Role.ADMIN)) {
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Admins cannot take the ADMIN role from themselves");
        }
        Set<Role> next = EnumSet.copyOf(roles);
        next.removeAll(Role.STAFF);
        next.addAll(command.roles());
        if (next.equals(roles)) {
            return;
        }
        apply(new StaffRolesChanged(userId, next, clock.instant()));
    }

    /** Erasing twice is answered like once: the data is gone either way, and the second request changes nothing. */
    @CommandHandler
    void handle(ErasePersonalData command, Clock clock) {
        if (erased) {
            return;
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        apply(new PersonalDataErased(userId, reason, clock.instant()));
    }

    private void requireNotErased() {
        if (erased) {
            throw new SoireeException(ErrorCode.ACCOUNT_ERASED, "This account's personal data was erased");
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        roles = EnumSet.copyOf(event.roles());
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(ProfileChanged event) {
        displayName = event.displayName();
        bio = event.bio();
    }

    @EventSourcingHandler
    void on(HostProfileCreated event) {
        roles.add(Role.HOST);
        if (event.bio() != null) {
            bio = event.bio();
        }
    }

    @EventSourcingHandler
    void on(StaffRolesChanged event) {
        roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
        displayName = PersonalData.ERASED;
        bio = null;
    }
}
