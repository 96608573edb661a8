/** Staff accounts: admins open them and set their roles. */
@NullMarked
package app.soiree.console.staff;

import org.jspecify.annotations.NullMarked;
