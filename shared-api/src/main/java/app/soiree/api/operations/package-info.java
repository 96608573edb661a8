/**
 * Running the platform: events a projection could not apply are parked (sequenced per aggregate) so
 * that the projection goes on with every other aggregate; staff see them, retry them after a fix, or
 * drop them deliberately.
 */
@NullMarked
package app.soiree.api.operations;

import org.jspecify.annotations.NullMarked;
