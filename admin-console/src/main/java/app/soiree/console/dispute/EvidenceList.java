package app.soiree.console.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileInfo;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.StaffQueries;
import app.soiree.store.NoSuchObjectException;
import app.soiree.store.ObjectStore;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence a dispute has so far, as the provider will receive it: each text with who added it and which files it
 * names, then every file, downloadable so that support can check what was uploaded before submitting it.
 */
final class EvidenceList extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(EvidenceList.class);

    private final StaffQueries queries;
    private final ObjectStore store;

    EvidenceList(StaffQueries queries, ObjectStore store) {
        this.queries = queries;
        this.store = store;
        setPadding(false);
    }

    void show(DisputeView dispute) {
        removeAll();
        if (dispute.evidence().isEmpty() && dispute.files().isEmpty()) {
            add(new Paragraph("No evidence yet."));
            return;
        }
        for (DisputeView.Evidence piece : dispute.evidence()) {
            Div text = new Div(new Text(piece.text()));
            text.getStyle().set("white-space", "pre-wrap").set("border-inline-start", "3px solid var(--lumo-contrast-20pct)")
                    .set("padding-inline-start", "var(--lumo-space-m)");
            String attached = piece.fileIds().stream().map(id -> fileName(dispute, id)).collect(Collectors.joining(", "));
            Span by = new Span(Formats.time(piece.addedAt()) + " by " + piece.addedBy() + (attached.isEmpty() ? "" : " · files: " + attached));
            by.addClassName("muted");
            add(by, text);
        }
        for (DisputeView.EvidenceFile file : dispute.files()) {
            Anchor download = new Anchor();
            download.setText(file.fileName());
            download.setHref(download(dispute.disputeId(), file.fileId()), AttachmentType.DOWNLOAD);
            Span about = new Span(" " + file.contentType() + ", " + file.sizeBytes() + " bytes, uploaded " + Formats.time(file.uploadedAt())
                    + " by " + file.uploadedBy());
            about.addClassName("muted");
            add(new Div(download, about));
        }
    }

    /**
     * The platform says what the file is (name, type as read from its bytes, size) and that it is this dispute's; the
     * bytes stream from the object store, where the command side keeps them, only when support downloads the file.
     */
    private DownloadHandler download(DisputeId dispute, EvidenceFileId fileId) {
        return DownloadHandler.fromInputStream(event -> {
            EvidenceFileInfo file = queries.ask(new FindEvidenceFile(dispute, fileId), EvidenceFileInfo.class);
            if (file == null) {
                return DownloadResponse.error(404);
            }
            InputStream content;
            try {
                content = store.open(fileId.objectKey());
            } catch (NoSuchObjectException missing) {
                log.error("Evidence file {} of dispute {} is recorded but the object store has no object for it", fileId, dispute);
                return DownloadResponse.error(404);
            }
            return new DownloadResponse(content, file.fileName(), file.contentType(), file.sizeBytes());
        });
    }

    private static String fileName(DisputeView dispute, EvidenceFileId fileId) {
        return dispute.files().stream().filter(file -> file.fileId().equals(fileId)).map(DisputeView.EvidenceFile::fileName).findFirst()
                .orElse(fileId.toString());
    }
}
