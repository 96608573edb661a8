@NullMarked
package app.soiree.console.home;

import org.jspecify.annotations.NullMarked;
