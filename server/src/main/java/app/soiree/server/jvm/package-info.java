/** How the server's own JVM is tuned while it runs: the heap it keeps when it rests. */
@NullMarked
package app.soiree.server.jvm;

import org.jspecify.annotations.NullMarked;
