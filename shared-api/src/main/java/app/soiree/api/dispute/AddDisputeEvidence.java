package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A piece of evidence: a text, and files uploaded to the same dispute before. The evidence id makes a retry harmless. */
public record AddDisputeEvidence(@TargetAggregateIdentifier DisputeId disputeId, EvidenceId evidenceId, String text,
                                 List<EvidenceFileId> fileIds, UserId addedBy) {

    public AddDisputeEvidence {
        fileIds = List.copyOf(fileIds);
    }
}
