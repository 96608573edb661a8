/**
 * Keyset paging shared by every list the query side serves: an opaque cursor, limits on page sizes,
 * and the {@code {items, nextCursor}} shape of a page on the wire.
 */
@NullMarked
package app.soiree.query.paging;

import org.jspecify.annotations.NullMarked;
