/**
 * Media as clients read them: status, sizes, durations and variants, who may see each medium (from what it is attached
 * to), and its bytes streamed from the object store or handed out as a short-lived signed URL.
 */
@NullMarked
package app.soiree.query.media;

import org.jspecify.annotations.NullMarked;
