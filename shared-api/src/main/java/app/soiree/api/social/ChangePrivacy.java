package app.soiree.api.social;

import app.soiree.api.identity.UserId;

public record ChangePrivacy(UserId userId, PrivacySettings settings) implements PrivacyCommand {
}
