package app.soiree.server.jvm;

/**
 * The server has begun to rest after a load ({@link RestingHeap}, at most once a {@code collect-at-most-every}): the
 * moment to hand back what the load made grow, as the heap is handed back with it. Published as an application event.
 */
public record ServerResting() {
}
