package app.soiree.query.identity;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "user_profiles")
class UserProfile {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private @Nullable String phone;

    @Column(nullable = false)
    private String roles;

    @Column(name = "host_bio")
    private @Nullable String hostBio;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    /** Read only here: {@link UserProfileRepository} sets and clears it, so saving a profile never overwrites it. */
    @Column(name = "avatar_media_id", insertable = false, updatable = false)
    private @Nullable UUID avatarMediaId;

    protected UserProfile() {
    }

    UserProfile(UserId userId, String email, String displayName, @Nullable String phone, Set<Role> roles, Instant registeredAt) {
        this.userId = userId.value();
        this.email = email;
        this.displayName = displayName;
        this.phone = phone;
        this.roles = Role.encode(roles);
        this.registeredAt = registeredAt;
    }

    /** The bio column keeps its old name: it was only a host's until anyone could write one. */
    void changeProfile(String newDisplayName, @Nullable String bio) {
        displayName = newDisplayName;
        hostBio = bio;
    }

    void becomeHost(@Nullable String bio) {
        Set<Role> current = Role.decode(roles);
        current.add(Role.HOST);
        roles = Role.encode(current);
        if (bio != null) { // a bio written before keeps unless the host profile brings one
            hostBio = bio;
        }
    }

    void erase() {
        email = PersonalData.ERASED;
        displayName = PersonalData.ERASED;
        phone = null;
        hostBio = null;
    }

    void holdExactly(Set<Role> granted) {
        roles = Role.encode(granted);
    }

    UserProfileView toView() {
        return new UserProfileView(new UserId(userId), email, displayName, phone, Role.decode(roles), hostBio, registeredAt,
                avatarMediaId);
    }
}
