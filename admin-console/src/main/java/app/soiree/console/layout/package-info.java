@NullMarked
package app.soiree.console.layout;

import org.jspecify.annotations.NullMarked;
