/**
 * What every console view stands on: who is signed in, commands sent in their name, queries with
 * time limits, lazy keyset paging for grids, live updates pushed to the browser, and formats.
 */
@NullMarked
package app.soiree.console.platform;

import org.jspecify.annotations.NullMarked;
