/**
 * Limits that keep one client from crowding out everyone else: registrations per address, and
 * seats held without paying per account, per address and per gathering. Answered 429 with
 * {@code Retry-After}; addresses the operator trusts (its own tools, a load test) can be exempted.
 */
@NullMarked
package app.soiree.command.limits;

import org.jspecify.annotations.NullMarked;
