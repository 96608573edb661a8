/**
 * The social graph: who follows whom (or asked to), who blocked whom, and which hosts banned which
 * guests from their gatherings. Everything between two users lives in one {@link RelationshipId}
 * aggregate per pair, so that a block ends the follows in both directions in one step. Each user's
 * privacy settings are an aggregate of their own ({@link PrivacyCommand}).
 */
@NullMarked
package app.soiree.api.social;

import org.jspecify.annotations.NullMarked;
