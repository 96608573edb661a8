package app.soiree.api.social;

/**
 * {@code approveFollowers}: follows wait for the user's approval; {@code followersVisible} and
 * {@code followingVisible}: whether others see those lists (the user always sees their own).
 */
public record PrivacySettings(boolean approveFollowers, boolean followersVisible, boolean followingVisible) {

    /** A new user's: anyone may follow, both lists shown. */
    public static final PrivacySettings DEFAULTS = new PrivacySettings(false, true, true);
}
