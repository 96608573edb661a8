/** How the server's own JVM is tuned: the heap it keeps when it rests, and the workload its AOT cache is trained on. */
@NullMarked
package app.soiree.server.jvm;

import org.jspecify.annotations.NullMarked;
