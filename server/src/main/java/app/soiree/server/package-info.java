/**
 * The one Spring Boot application. It owns what every side shares: which roles this process runs,
 * the database (embedded PostgreSQL by default), Axon's stores and buses, security and error
 * rendering. The sides themselves arrive as auto-configurations switched on by {@code soiree.roles}.
 */
@NullMarked
package app.soiree.server;

import org.jspecify.annotations.NullMarked;
