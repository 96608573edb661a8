/** Support's featured gatherings: which are featured now or later, featuring one for a window, and taking one out. */
@NullMarked
package app.soiree.console.promotion;

import org.jspecify.annotations.NullMarked;
