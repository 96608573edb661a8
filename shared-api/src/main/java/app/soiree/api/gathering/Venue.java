package app.soiree.api.gathering;

import org.jspecify.annotations.Nullable;

public record Venue(String name, String address, @Nullable Double latitude, @Nullable Double longitude) {
}
