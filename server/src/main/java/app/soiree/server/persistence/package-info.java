@NullMarked
package app.soiree.server.persistence;

import org.jspecify.annotations.NullMarked;
