/**
 * A user's personal data as the platform holds it, for the user themself: {@code GET /api/me/data-export} gathers it
 * from every context's read model. It owns no table and no projection; it reads the others' tables, for one user only.
 */
@NullMarked
package app.soiree.query.privacy;

import org.jspecify.annotations.NullMarked;
