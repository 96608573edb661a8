/** Where file bytes live, and what their type is, read from the bytes. */
@NullMarked
package app.soiree.store;

import org.jspecify.annotations.NullMarked;
