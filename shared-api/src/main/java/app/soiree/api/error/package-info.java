/** Stable error codes and the exception that carries them across the message buses. */
@NullMarked
package app.soiree.api.error;

import org.jspecify.annotations.NullMarked;
