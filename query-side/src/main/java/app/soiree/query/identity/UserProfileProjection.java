package app.soiree.query.identity;

import app.soiree.api.identity.FindStaffMembers;
import app.soiree.api.identity.FindUserByEmail;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.HostProfileCreated;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.ProfileChanged;
import app.soiree.api.identity.StaffMemberPage;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.media.AttachmentKind;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDetached;
import app.soiree.query.paging.Contains;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Keeps {@code user_profiles} in step with the identity events. Replaying it rebuilds the same rows. */
@Component
@ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
class UserProfileProjection {

    static final String PROCESSING_GROUP = "user-profiles";

    private final UserProfileRepository profiles;

    UserProfileProjection(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    @EventHandler
    void on(UserRegistered event) {
        // Delivery is at least once: saving the same row again is harmless.
        profiles.save(new UserProfile(event.userId(), event.email(), event.displayName(), event.phone(),
                event.roles(), event.registeredAt()));
    }

    @EventHandler
    void on(HostProfileCreated event) {
        profiles.findById(event.userId().value()).ifPresent(profile -> profile.becomeHost(event.bio()));
    }

    @EventHandler
    void on(ProfileChanged event) {
        profiles.findById(event.userId().value()).ifPresent(profile -> profile.changeProfile(event.displayName(), event.bio()));
    }

    @EventHandler
    void on(StaffRolesChanged event) {
        profiles.findById(event.userId().value()).ifPresent(profile -> profile.holdExactly(event.roles()));
    }

    /** A new avatar replaces the one before; its medium's deletion may come later, see {@link #on(MediaDeleted)}. */
    @EventHandler
    void on(MediaAttached event) {
        if (event.attachment().kind() == AttachmentKind.AVATAR) {
            profiles.showAvatar(event.attachment().targetId(), event.mediaId().value());
        }
    }

    @EventHandler
    void on(MediaDetached event) {
        if (event.attachment().kind() == AttachmentKind.AVATAR) {
            profiles.forgetAvatar(event.attachment().targetId(), event.mediaId().value());
        }
    }

    /** Any deleted medium: only a profile still showing it loses its avatar. */
    @EventHandler
    void on(MediaDeleted event) {
        profiles.forgetAvatar(event.mediaId().value());
    }

    @QueryHandler
    @Nullable UserProfileView handle(FindUserProfile query) {
        return profiles.findById(query.userId().value()).map(UserProfile::toView).orElse(null);
    }

    /** Emails are stored as accounts normalise them: no surrounding space, lower case. */
    @QueryHandler
    @Nullable UserProfileView handle(FindUserByEmail query) {
        return profiles.findFirstByEmail(query.email().strip().toLowerCase(Locale.ROOT)).map(UserProfile::toView).orElse(null);
    }

    @QueryHandler
    StaffMemberPage handle(FindStaffMembers query) {
        int limit = PageLimit.clamped(query.limit());
        List<UserProfileView> rows = profiles.staffAfter(StaffCursor.decode(query.cursor()), Contains.pattern(query.search()),
                        KeysetPage.rowsToFetch(limit))
                .stream().map(UserProfile::toView).toList();
        KeysetPage<UserProfileView> page = KeysetPage.cut(rows, limit, profile -> StaffCursor.encode(profile.email()));
        return new StaffMemberPage(page.items(), page.nextCursor());
    }

    /** An erased user's profile keeps its id, roles and dates; name, email, phone, bio and avatar go. */
    @EventHandler
    void on(PersonalDataErased event) {
        profiles.findById(event.userId().value()).ifPresent(UserProfile::erase);
        profiles.forgetAvatarOf(event.userId().value());
    }
}
