package app.soiree.query.audit;

import app.soiree.api.audit.ChainHeadPage;
import app.soiree.api.audit.FindChainHeads;
import app.soiree.query.paging.PageLimit;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The daily heads of the hash chain, for finance to hand to a notary, or to compare with what one holds. */
@Component
class ChainHeads {

    private final ChainStore chain;

    ChainHeads(ChainStore chain) {
        this.chain = chain;
    }

    @QueryHandler
    ChainHeadPage handle(FindChainHeads query) {
        return new ChainHeadPage(chain.latestHeads(PageLimit.clamped(query.limit())));
    }
}
