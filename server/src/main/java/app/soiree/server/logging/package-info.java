/** How the libraries' own logging reaches the server's: commons-logging onto SLF4J, level checked first. */
@NullMarked
package app.soiree.server.logging;

import org.jspecify.annotations.NullMarked;
