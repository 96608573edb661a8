@NullMarked
package app.soiree.server.web;

import org.jspecify.annotations.NullMarked;
