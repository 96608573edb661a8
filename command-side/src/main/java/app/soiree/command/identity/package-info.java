/**
 * Accounts: the event-sourced {@link app.soiree.command.identity.User} aggregate, and beside it the
 * credential store (password hashes, refresh tokens) that deliberately stays out of the event stream.
 */
@NullMarked
package app.soiree.command.identity;

import org.jspecify.annotations.NullMarked;
