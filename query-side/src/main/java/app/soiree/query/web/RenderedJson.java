package app.soiree.query.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * An answer already rendered to JSON by the HTTP API's own mapper, for an answer many askers share (a cached page):
 * rendered once when it is made, written as bytes to each asker ({@link RenderedJsonConverter}). Rendering a discovery
 * page was a quarter of its request's CPU (docs/benchmarks.md). {@code T} is what it renders, for the API's description.
 */
public final class RenderedJson<T> {

    private final T value;
    private final byte[] utf8;

    private RenderedJson(T value, byte[] utf8) {
        this.value = value;
        this.utf8 = utf8;
    }

    /** {@code value} as the HTTP API writes it: {@code json} must be the mapper Spring MVC writes answers with. */
    public static <T> RenderedJson<T> of(JsonMapper json, T value) {
        return new RenderedJson<>(value, json.writeValueAsBytes(value));
    }

    /** What was rendered, for callers in the same process. */
    public T value() {
        return value;
    }

    byte[] utf8() {
        return utf8;
    }

    int length() {
        return utf8.length;
    }
}
