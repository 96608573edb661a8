package app.soiree.api.audit;

import java.util.List;

/** Daily chain heads, newest day first. */
public record ChainHeadPage(List<ChainHeadView> items) {
}
