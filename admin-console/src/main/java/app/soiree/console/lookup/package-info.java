/** Finding a user, gathering, booking or payment, and reading an entity's audit timeline. */
@NullMarked
package app.soiree.console.lookup;

import org.jspecify.annotations.NullMarked;
