package app.soiree.query.dispute;

import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.FindHostDisputes;
import app.soiree.api.dispute.HostDisputePage;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The dispute queries, for the REST controllers and the console alike. Callers decide who may ask. */
@Component
class DisputeQueries {

    private final DisputeRows rows;

    DisputeQueries(DisputeRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    DisputePage handle(FindDisputes query) {
        return rows.queue(query);
    }

    @QueryHandler
    @Nullable DisputeView handle(FindDispute query) {
        return rows.view(query.disputeId()).orElse(null);
    }

    @QueryHandler
    HostDisputePage handle(FindHostDisputes query) {
        return rows.ofHost(query);
    }
}
