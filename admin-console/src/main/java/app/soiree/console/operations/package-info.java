/**
 * Operations: events a projection could not apply, parked so that it goes on with everything else;
 * staff see why, retry them after a fix, or drop one deliberately.
 */
@NullMarked
package app.soiree.console.operations;

import org.jspecify.annotations.NullMarked;
