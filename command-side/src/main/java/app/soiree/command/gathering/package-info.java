/**
 * Gatherings and their seats. The {@link app.soiree.command.gathering.Gathering} aggregate alone decides
 * whether seats can be held, so no interleaving of requests can sell more seats than a tier has.
 */
@NullMarked
package app.soiree.command.gathering;

import org.jspecify.annotations.NullMarked;
