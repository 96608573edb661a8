package app.soiree.command.identity;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ChangeProfile;
import app.soiree.api.identity.ChangeStaffRoles;
import app.soiree.api.identity.CreateHostProfile;
import app.soiree.api.identity.ErasePersonalData;
import app.soiree.api.identity.HostProfileCreated;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.RegisterStaffMember;
import app.soiree.api.identity.RegisterUser;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final UserId ADA = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000ada0"));
    private static final UserId GRACE = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000a0ace"));

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registersASelfServiceAccountAsAGuest() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.test", "Ada", "+4915112345678"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(ADA, "ada@example.test", "Ada", "+4915112345678", Set.of(Role.GUEST), NOW));
    }

    @Test
    void registersAStaffMemberWithTheirStaffRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(ADA, "ada@example.test", "Ada", Set.of(Role.FINANCE, Role.SUPPORT)))
                .expectEvents(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.FINANCE, Role.SUPPORT), NOW));
    }

    @Test
    void refusesAStaffAccountWithANonStaffRole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(ADA, "ada@example.test", "Ada", Set.of(Role.FINANCE, Role.HOST)))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void refusesAStaffAccountWithoutRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(ADA, "ada@example.test", "Ada", Set.of()))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aGuestBecomesAHost() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.GUEST), NOW))
                .when(new CreateHostProfile(ADA, "Long dinners"))
                .expectEvents(new HostProfileCreated(ADA, "Long dinners", NOW));
    }

    @Test
    void rejectsASecondHostProfile() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.GUEST), NOW),
                        new HostProfileCreated(ADA, null, NOW))
                .when(new CreateHostProfile(ADA, "again"))
                .expectExceptionMessage("This account already has a host profile")
                .expectException(SoireeException.class)
                .expectNoEvents();
    }

    @Test
    void theRefusalCarriesItsErrorCode() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.GUEST), NOW),
                        new HostProfileCreated(ADA, null, NOW))
                .when(new CreateHostProfile(ADA, "again"))
                .expectException(refusedWith(ErrorCode.ALREADY_A_HOST));
    }

    @Test
    void anAdminChangesAStaffMembersRoles() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.SUPPORT), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.FINANCE, Role.SUPPORT)), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectEvents(new StaffRolesChanged(ADA, Set.of(Role.FINANCE, Role.SUPPORT), NOW));
    }

    @Test
    void aRoleChangeKeepsTheAccountsOtherRoles() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.SUPPORT), NOW),
                        new HostProfileCreated(ADA, null, NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.FINANCE)), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectEvents(new StaffRolesChanged(ADA, Set.of(Role.HOST, Role.FINANCE), NOW));
    }

    @Test
    void theSameRolesAgainChangeNothing() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.SUPPORT, Role.FINANCE), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.FINANCE, Role.SUPPORT)), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesStaffRolesForAGuestAccount() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.GUEST), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.SUPPORT)), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesRolesThatAreNotStaffRolesOrNone() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.SUPPORT), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.HOST)), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.SUPPORT), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of()), Map.of(Actor.USER_ID_KEY, GRACE.toString()))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anAdminCannotTakeAdminFromThemselves() {
        fixture.given(new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.ADMIN), NOW))
                .when(new ChangeStaffRoles(ADA, Set.of(Role.FINANCE)), Map.of(Actor.USER_ID_KEY, ADA.toString()))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void erasingAUserRecordsItWithoutAnyOfTheirPersonalData() {
        fixture.given(registered())
                .when(new ErasePersonalData(ADA, "  asked by letter  "))
                .expectEvents(new PersonalDataErased(ADA, "asked by letter", NOW));
    }

    @Test
    void erasingAnErasedUserAgainChangesNothing() {
        fixture.given(registered(), new PersonalDataErased(ADA, null, NOW))
                .when(new ErasePersonalData(ADA, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anErasedAccountsProfileNoLongerChanges() {
        fixture.given(registered(), new PersonalDataErased(ADA, null, NOW))
                .when(new ChangeProfile(ADA, "Ada Again", null))
                .expectException(refusedWith(ErrorCode.ACCOUNT_ERASED));
    }

    @Test
    void anErasedAccountNoLongerBecomesAHost() {
        fixture.given(registered(), new PersonalDataErased(ADA, null, NOW))
                .when(new CreateHostProfile(ADA, "back"))
                .expectException(refusedWith(ErrorCode.ACCOUNT_ERASED));
    }

    private static UserRegistered registered() {
        return new UserRegistered(ADA, "ada@example.test", "Ada", null, Set.of(Role.GUEST), NOW);
    }
}
