@NullMarked
package app.soiree.server.messaging;

import org.jspecify.annotations.NullMarked;
