/**
 * The social graph as people read it: profiles with follower counts and the relationship to the reader, follower
 * and following lists as each user's privacy allows, pending follow requests, blocks, a host's banned guests,
 * privacy settings, and the reader's feed of upcoming gatherings (fan-out on read). Also tells other read models
 * who blocked whom ({@link app.soiree.query.social.Blocks}).
 */
@NullMarked
package app.soiree.query.social;

import org.jspecify.annotations.NullMarked;
