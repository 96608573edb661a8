package app.soiree.console.payout;

import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.console.platform.StaffQueries;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * People by name rather than by id: approvers and hosts as finance knows them. A screen names a
 * handful of people, so each is asked for once and a small memory suffices; someone the read side
 * does not know (yet) is shown by id.
 */
final class StaffNames {

    static final int REMEMBERED = 200;

    private final StaffQueries queries;
    private final Map<UserId, String> names = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UserId, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    StaffNames(StaffQueries queries) {
        this.queries = queries;
    }

    String of(UserId userId) {
        return names.computeIfAbsent(userId, id -> {
            UserProfileView profile = queries.ask(new FindUserProfile(id), UserProfileView.class);
            return profile == null ? id.toString() : profile.displayName();
        });
    }
}
