/**
 * Reports of users and gatherings: filing one ({@code POST /api/reports}, which hands a message report to the chat),
 * support's decision on it, and the set-wide rules around them (one open report per reporter and target, a daily cap).
 */
@NullMarked
package app.soiree.command.report;

import org.jspecify.annotations.NullMarked;
