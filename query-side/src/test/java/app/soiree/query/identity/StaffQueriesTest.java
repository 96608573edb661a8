package app.soiree.query.identity;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.FindStaffMembers;
import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffMemberPage;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.identity.UserRegistered;
import app.soiree.query.ProjectionTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StaffQueriesTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    @Test
    void theStaffListHoldsOnlyStaffAccountsByEmailPageAfterPage() {
        for (String name : List.of("eve", "bob", "dan", "alice", "carol")) {
            events.publish(registered(name, Set.of(Role.SUPPORT)));
        }
        events.publish(registered("guest", Set.of(Role.GUEST)), registered("host", Set.of(Role.GUEST, Role.HOST)),
                registered("zed", Set.of(Role.ADMIN)), registered("fin", Set.of(Role.FINANCE)));

        List<String> emails = new ArrayList<>();
        String cursor = null;
        do {
            StaffMemberPage page = queries.query(new FindStaffMembers(cursor, 3), ResponseTypes.instanceOf(StaffMemberPage.class)).join();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(profile -> emails.add(profile.email()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(emails).containsExactly("alice@staff.test", "bob@staff.test", "carol@staff.test", "dan@staff.test",
                "eve@staff.test", "fin@staff.test", "zed@staff.test");
    }

    @Test
    void aSearchKeepsTheStaffWhoseEmailOrNameContainsItTakingWildcardsLiterally() {
        events.publish(registered("maria", Set.of(Role.SUPPORT)), registered("mario", Set.of(Role.FINANCE)),
                registered("rosa", Set.of(Role.SUPPORT)), registered("marius", Set.of(Role.GUEST)),
                new UserRegistered(UserId.random(), "x_1@staff.test", "Ana Maria Lopez", null, Set.of(Role.ADMIN), NOW),
                new UserRegistered(UserId.random(), "x11@staff.test", "Other", null, Set.of(Role.ADMIN), NOW));

        assertThat(search("  MARI")).containsExactly("maria@staff.test", "mario@staff.test", "x_1@staff.test");
        assertThat(search("x_1")).as("an underscore is a character, not a wildcard").containsExactly("x_1@staff.test");
        assertThat(search("%")).isEmpty();
        assertThat(search("")).hasSize(5);
    }

    private List<String> search(String search) {
        StaffMemberPage page = queries.query(new FindStaffMembers(search, null, 10), ResponseTypes.instanceOf(StaffMemberPage.class)).join();
        return page.items().stream().map(UserProfileView::email).toList();
    }

    @Test
    void anAccountIsFoundByItsEmailInAnyCaseAndSpacing() {
        UserRegistered ada = registered("ada", Set.of(Role.GUEST));
        events.publish(ada);

        assertThat(byEmail("  ADA@Staff.test ")).extracting(UserProfileView::userId).isEqualTo(ada.userId());
        assertThat(byEmail("nobody@staff.test")).isNull();
    }

    @Test
    void aRoleChangeShowsInTheProfileAndTheStaffList() {
        UserRegistered ada = registered("ada", Set.of(Role.SUPPORT));
        events.publish(ada, new StaffRolesChanged(ada.userId(), Set.of(Role.FINANCE, Role.ADMIN), NOW));

        assertThat(byEmail("ada@staff.test").roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.ADMIN);
        StaffMemberPage page = queries.query(new FindStaffMembers(null, 10), ResponseTypes.instanceOf(StaffMemberPage.class)).join();
        assertThat(page.items()).extracting(UserProfileView::roles).containsExactly(Set.of(Role.ADMIN, Role.FINANCE));
    }

    private static UserRegistered registered(String name, Set<Role> roles) {
        return new UserRegistered(UserId.random(), name + "@staff.test", name, null, roles, NOW);
    }

    private @Nullable UserProfileView byEmail(String email) {
        return queries.query(new FindUserByEmail(email), ResponseTypes.instanceOf(UserProfileView.class)).join();
    }
}
