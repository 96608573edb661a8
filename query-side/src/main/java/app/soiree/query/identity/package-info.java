/** User profiles as people and staff read them. */
@NullMarked
package app.soiree.query.identity;

import org.jspecify.annotations.NullMarked;
