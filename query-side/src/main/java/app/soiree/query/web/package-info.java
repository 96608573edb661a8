/** How the query side answers over HTTP where the answer is shared: rendered to JSON once, written as bytes to many. */
@NullMarked
package app.soiree.query.web;

import org.jspecify.annotations.NullMarked;
