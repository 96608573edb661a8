package app.soiree.console.dispute;

import app.soiree.api.Money;
import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileInfo;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.store.ContentSniffer;
import app.soiree.store.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jspecify.annotations.Nullable;

/**
 * Disputes as the platform answers the console about them on Axon's buses: the queue paged by keyset cursor and
 * updated as a subscription query, one dispute in full, its files, and support's actions, which change the dispute
 * as the command and query sides together would. A dispute can be told to refuse every action with a code. Evidence
 * files are where the platform keeps them, in the real object store the console shares with the command side (a
 * local directory here): an upload is read back from it and its type read from its bytes, as the command side does.
 */
public class TestDisputes {

    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final QueryUpdateEmitter updates;
    private final Map<DisputeId, DisputeView> disputes = new ConcurrentHashMap<>();
    private final Map<DisputeId, ErrorCode> refusing = new ConcurrentHashMap<>();
    private final ObjectStore store;
    private final Map<EvidenceFileId, EvidenceFileInfo> files = new ConcurrentHashMap<>();
    public final List<FindDisputes> queueQueries = new CopyOnWriteArrayList<>();
    public final List<Object> commands = new CopyOnWriteArrayList<>();
    public final List<MetaData> commandMetaData = new CopyOnWriteArrayList<>();

    public TestDisputes(QueryUpdateEmitter updates, ObjectStore store) {
        this.updates = updates;
        this.store = store;
    }

    public void reset() {
        disputes.clear();
        refusing.clear();
        files.clear();
        queueQueries.clear();
        commands.clear();
        commandMetaData.clear();
    }

    /** A dispute of {@code amountMinor} EUR, due {@code dueBy}; announced to subscribers as the projection does. */
    public DisputeView open(long amountMinor, DisputeStatus status, Instant dueBy, boolean overdue) {
        DisputeId id = new DisputeId(UUID.randomUUID());
        DisputeView dispute = new DisputeView(id, new PaymentId(UUID.randomUUID()), null, new BookingId(UUID.randomUUID()),
                new GatheringId(UUID.randomUUID()), "Supper club", new DisputeView.Party(new UserId(UUID.randomUUID()), "Gus Guest"),
                new DisputeView.Party(new UserId(UUID.randomUUID()), "Hana Host"), "simulated", "dp_" + id, Money.of(amountMinor, "EUR"),
                Money.of(2000, "EUR"), Money.of(amountMinor, "EUR"), "fraudulent", status, ProviderDisputeStatus.NEEDS_RESPONSE, dueBy,
                overdue, T0, null, null, null, null, null, List.of(), List.of(),
                List.of(new DisputeView.TimelineEntry(T0, "DisputeOpened", "system", "fraudulent")));
        save(dispute);
        return dispute;
    }

    public void refuseActionsOn(DisputeId disputeId, ErrorCode code) {
        refusing.put(disputeId, code);
    }

    public void acceptActionsOn(DisputeId disputeId) {
        refusing.remove(disputeId);
    }

    @QueryHandler
    DisputePage handle(FindDisputes query) {
        queueQueries.add(query);
        List<DisputeSummary> queue = disputes.values().stream()
                .filter(dispute -> query.statuses().isEmpty() || query.statuses().contains(dispute.status()))
                .map(TestDisputes::summary)
                .sorted(Comparator.comparing(DisputeSummary::evidenceDueBy).thenComparing(summary -> summary.disputeId().value()))
                .toList();
        int start = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int end = Math.min(queue.size(), start + query.limit());
        long overdue = queue.stream().filter(DisputeSummary::overdue).count();
        return new DisputePage(start >= end ? List.of() : queue.subList(start, end), end < queue.size() ? Integer.toString(end) : null,
                overdue);
    }

    @QueryHandler
    @Nullable DisputeView handle(FindDispute query) {
        return disputes.get(query.disputeId());
    }

    @QueryHandler
    @Nullable EvidenceFileInfo handle(FindEvidenceFile query) {
        DisputeView dispute = disputes.get(query.disputeId());
        boolean ofThisDispute = dispute != null && dispute.files().stream().anyMatch(file -> file.fileId().equals(query.fileId()));
        return ofThisDispute ? files.get(query.fileId()) : null;
    }

    /** The command carries no bytes: the file is read from the object store, where the console put it. */
    @CommandHandler
    void handle(UploadEvidenceFile command, MetaData metaData) throws IOException {
        if (refusing.containsKey(command.disputeId())) {
            store.delete(command.fileId().objectKey()); // as the command side deletes a refused file
        }
        received(command, command.disputeId(), metaData);
        long size = store.sizeOf(command.fileId().objectKey())
                .orElseThrow(() -> new CommandExecutionException("No such object", null, ErrorCode.EVIDENCE_REJECTED.name()));
        String contentType;
        try (InputStream content = new BufferedInputStream(store.open(command.fileId().objectKey()))) {
            contentType = ContentSniffer.sniff(content);
        }
        String fileName = command.fileName() == null ? "evidence" : command.fileName();
        files.put(command.fileId(), new EvidenceFileInfo(command.fileId(), fileName, contentType, size));
        DisputeView dispute = required(command.disputeId());
        List<DisputeView.EvidenceFile> all = new ArrayList<>(dispute.files());
        all.add(new DisputeView.EvidenceFile(command.fileId(), fileName, contentType, size, command.uploadedBy(), T0));
        save(with(dispute, dispute.status(), dispute.evidence(), all, "EvidenceFileUploaded"));
    }

    @CommandHandler
    void handle(AddDisputeEvidence command, MetaData metaData) {
        received(command, command.disputeId(), metaData);
        DisputeView dispute = required(command.disputeId());
        List<DisputeView.Evidence> all = new ArrayList<>(dispute.evidence());
        all.add(new DisputeView.Evidence(command.evidenceId(), command.text(), command.fileIds(), command.addedBy(), T0));
        save(with(dispute, dispute.status(), all, dispute.files(), "DisputeEvidenceAdded"));
    }

    @CommandHandler
    void handle(SubmitDisputeEvidence command, MetaData metaData) {
        received(command, command.disputeId(), metaData);
        DisputeView dispute = required(command.disputeId());
        save(with(dispute, DisputeStatus.UNDER_REVIEW, dispute.evidence(), dispute.files(), "DisputeEvidenceSubmitted"));
    }

    @CommandHandler
    void handle(AcceptDispute command, MetaData metaData) {
        received(command, command.disputeId(), metaData);
        DisputeView dispute = required(command.disputeId());
        save(with(dispute, DisputeStatus.ACCEPTED, dispute.evidence(), dispute.files(), "DisputeAccepted"));
    }

    private void received(Object command, DisputeId disputeId, MetaData metaData) {
        ErrorCode refusal = refusing.get(disputeId);
        if (refusal != null) {
            throw new CommandExecutionException("Refused for the test", null, refusal.name());
        }
        commands.add(command);
        commandMetaData.add(metaData);
    }

    private DisputeView required(DisputeId disputeId) {
        DisputeView dispute = disputes.get(disputeId);
        if (dispute == null) {
            throw new CommandExecutionException("No such dispute", null, ErrorCode.NOT_FOUND.name());
        }
        return dispute;
    }

    private void save(DisputeView dispute) {
        disputes.put(dispute.disputeId(), dispute);
        DisputeSummary summary = summary(dispute);
        updates.emit(FindDisputes.class, query -> true, summary);
        updates.emit(FindDispute.class, query -> query.disputeId().equals(dispute.disputeId()), summary);
    }

    private static DisputeView with(DisputeView d, DisputeStatus status, List<DisputeView.Evidence> evidence,
                                    List<DisputeView.EvidenceFile> files, String what) {
        List<DisputeView.TimelineEntry> timeline = new ArrayList<>(d.timeline());
        timeline.add(new DisputeView.TimelineEntry(T0.plusSeconds(timeline.size()), what, "staff", ""));
        return new DisputeView(d.disputeId(), d.paymentId(), d.payment(), d.bookingId(), d.gatheringId(), d.gatheringTitle(), d.guest(),
                d.host(), d.provider(), d.providerDisputeId(), d.amount(), d.fee(), d.hostShare(), d.reason(), status, d.providerStatus(),
                d.evidenceDueBy(), d.overdue(), d.openedAt(), d.submittedAt(), d.submittedBy(), d.acceptedAt(), d.acceptedBy(),
                d.closedAt(), evidence, files, timeline);
    }

    private static DisputeSummary summary(DisputeView d) {
        return new DisputeSummary(d.disputeId(), d.paymentId(), d.bookingId(), d.host().userId(), d.guest().userId(), d.amount(),
                d.status(), d.providerStatus(), d.reason(), d.evidenceDueBy(), d.overdue(), d.openedAt());
    }
}
