@NullMarked
package app.soiree.server.config;

import org.jspecify.annotations.NullMarked;
