/**
 * Media: images and voice notes uploaded for chat, avatars and gathering covers. The bytes live in the object store;
 * commands and events carry media ids and what processing learned, never bytes.
 */
@NullMarked
package app.soiree.api.media;

import org.jspecify.annotations.NullMarked;
