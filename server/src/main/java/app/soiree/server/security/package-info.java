@NullMarked
package app.soiree.server.security;

import org.jspecify.annotations.NullMarked;
