package app.soiree.console.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileContent;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/**
 * The evidence a dispute has so far, as the provider will receive it: each text with who added it and which files it
 * names, then every file, downloadable so that support can check what was uploaded before submitting it.
 */
final class EvidenceList extends VerticalLayout {

    private final StaffQueries queries;

    EvidenceList(StaffQueries queries) {
        this.queries = queries;
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

    /** The bytes are read only when support downloads the file; the platform bounds a file at 5 MB. */
    private DownloadHandler download(DisputeId dispute, EvidenceFileId fileId) {
        return DownloadHandler.fromInputStream(event -> {
            EvidenceFileContent content = queries.ask(new FindEvidenceFile(dispute, fileId), EvidenceFileContent.class);
            if (content == null) {
                return DownloadResponse.error(404);
            }
            return new DownloadResponse(new ByteArrayInputStream(content.content()), content.fileName(), content.contentType(),
                    content.content().length);
        });
    }

    private static String fileName(DisputeView dispute, EvidenceFileId fileId) {
        return dispute.files().stream().filter(file -> file.fileId().equals(fileId)).map(DisputeView.EvidenceFile::fileName).findFirst()
                .orElse(fileId.toString());
    }
}
