package app.soiree.command.dispute;

import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Dispute}'s evidence as its events built it: the files uploaded to it, and the texts with the files they
 * attach, in the order they were added; with the limits {@link DisputePolicy} sets on them. The dispute decides when
 * evidence may be added; this says whether a piece of it may, and what goes to the provider.
 */
final class DisputeEvidence {

    private static final String TEXT_SEPARATOR = "\n\n---\n\n";

    private final Map<EvidenceId, String> texts = new LinkedHashMap<>();
    private final Set<EvidenceFileId> uploaded = new LinkedHashSet<>();
    private final Set<EvidenceFileId> attached = new LinkedHashSet<>();
    private int chars;

    boolean hasFile(EvidenceFileId fileId) {
        return uploaded.contains(fileId);
    }

    boolean has(EvidenceId evidenceId) {
        return texts.containsKey(evidenceId);
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }

    int size() {
        return texts.size();
    }

    void requireRoomForFile(DisputePolicy policy) {
        if (uploaded.size() >= policy.maxFilesPerDispute()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "A dispute takes at most " + policy.maxFilesPerDispute() + " files");
        }
    }

    /** The evidence's text as it is kept, once checked against the files and the limits. */
    String checkedText(AddDisputeEvidence command, DisputePolicy policy) {
        String text = command.text().strip();
        if (text.isEmpty() && command.fileIds().isEmpty()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Evidence needs a text or files");
        }
        for (EvidenceFileId file : command.fileIds()) {
            if (!uploaded.contains(file)) {
                throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "File " + file + " was not uploaded to this dispute");
            }
        }
        if (chars + text.length() > policy.maxEvidenceChars()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "The evidence texts of a dispute may have at most "
                    + policy.maxEvidenceChars() + " characters together; " + (policy.maxEvidenceChars() - chars) + " are left");
        }
        return text;
    }

    void uploaded(EvidenceFileId fileId) {
        uploaded.add(fileId);
    }

    void added(DisputeEvidenceAdded event) {
        texts.put(event.evidenceId(), event.text());
        attached.addAll(event.fileIds());
        chars += event.text().length();
    }

    List<EvidenceId> ids() {
        return List.copyOf(texts.keySet());
    }

    /** Every text in the order it was added, as one. */
    String text() {
        return String.join(TEXT_SEPARATOR, texts.values().stream().filter(part -> !part.isEmpty()).toList());
    }

    List<EvidenceFileId> files() {
        return List.copyOf(attached);
    }
}
