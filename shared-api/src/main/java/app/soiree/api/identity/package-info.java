/** Accounts, roles and host profiles. */
@NullMarked
package app.soiree.api.identity;

import org.jspecify.annotations.NullMarked;
