package app.soiree.console.dispute;

import app.soiree.api.RandomUuids;
import app.soiree.api.dispute.EvidenceFileId;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Evidence files chosen in the browser and held until support adds them with a text. The limits are the command
 * side's (soiree.disputes: PDF, PNG or JPEG, at most 5 MB a file, 20 files a dispute), checked here first so that
 * support hears at once what the platform would refuse, and so that the console never reads more than a file may
 * have: a larger upload is cut off at the limit, not buffered. A file is held in memory until support adds it with
 * the evidence; then the console puts it in the object store and the platform checks the content again and decides.
 */
final class EvidenceUpload {

    /** soiree.disputes.max-file-size (DisputePolicy: 5 MB, as Stripe accepts). */
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** soiree.disputes.max-files-per-dispute. */
    static final int MAX_FILES_PER_DISPUTE = 20;
    /** Files held per piece of evidence: each is in memory until it is sent. */
    static final int MAX_FILES_PER_EVIDENCE = 5;
    static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf", "image/png", "image/jpeg");
    static final List<String> ACCEPTED_EXTENSIONS = List.of(".pdf", ".png", ".jpg", ".jpeg");
    /** What browsers send when they do not know; the platform then goes by the content alone. */
    private static final Set<String> UNTYPED = Set.of("", "application/octet-stream", "binary/octet-stream");

    /** A file waiting to be sent; its id is fixed at once so that a retry after a refusal does not upload it twice. */
    static final class PendingFile {
        final EvidenceFileId fileId = new EvidenceFileId(RandomUuids.next());
        final String fileName;
        final String contentType;
        final byte[] content;
        boolean sent;

        PendingFile(String fileName, String contentType, byte[] content) {
            this.fileName = fileName;
            this.contentType = contentType;
            this.content = content;
        }
    }

    final Upload upload = new Upload();
    private final List<PendingFile> pending = new ArrayList<>();
    private final Consumer<String> onRefused;
    private int filesAlreadyOnDispute;

    /** {@code onRefused} hears (in the UI's lock) why a file was not taken. */
    EvidenceUpload(Consumer<String> onRefused) {
        this.onRefused = onRefused;
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setMaxFiles(MAX_FILES_PER_EVIDENCE);
        List<String> accepted = new ArrayList<>(ACCEPTED_TYPES);
        accepted.addAll(ACCEPTED_EXTENSIONS);
        upload.setAcceptedFileTypes(accepted.toArray(String[]::new));
        upload.setUploadHandler(this::receive);
        upload.addFileRejectedListener(rejected -> onRefused.accept(rejected.getFileName() + ": " + rejected.getErrorMessage()));
        upload.addFileRemovedListener(removed -> pending.removeIf(file -> !file.sent && file.fileName.equals(removed.getFileName())));
    }

    /** How many files the dispute has already, so that the 20 per dispute are not exceeded. */
    void filesAlreadyOnDispute(int count) {
        filesAlreadyOnDispute = count;
    }

    List<PendingFile> pending() {
        return List.copyOf(pending);
    }

    void clear() {
        pending.clear();
        upload.clearFileList();
    }

    /** Runs on the upload's request, outside the session's lock. */
    private void receive(UploadEvent event) throws IOException {
        String fileName = event.getFileName() == null ? "" : event.getFileName();
        String declared = baseType(event.getContentType());
        @Nullable String refusal = refusal(fileName, declared, event.getFileSize());
        byte[] content = null;
        if (refusal == null) {
            try (InputStream in = event.getInputStream()) {
                content = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (content.length > MAX_FILE_BYTES) {
                refusal = tooLarge();
            } else if (content.length == 0) {
                refusal = "The file is empty.";
            }
        }
        UI ui = event.getUI();
        if (refusal != null) {
            event.reject(refusal);
            String shown = fileName + ": " + refusal;
            ui.access(() -> onRefused.accept(shown));
            return;
        }
        byte[] accepted = content;
        ui.access(() -> {
            if (filesAlreadyOnDispute + pending.size() >= MAX_FILES_PER_DISPUTE) {
                onRefused.accept(fileName + ": a dispute takes at most " + MAX_FILES_PER_DISPUTE + " files.");
                return;
            }
            pending.add(new PendingFile(fileName, declared, accepted));
        });
    }

    /** Why a file is not taken, by what the browser says of it; null when it may be sent. */
    static @Nullable String refusal(String fileName, String declaredType, long sizeBytes) {
        if (sizeBytes > MAX_FILE_BYTES) {
            return tooLarge();
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean knownType = ACCEPTED_TYPES.contains(declaredType);
        boolean knownExtension = ACCEPTED_EXTENSIONS.stream().anyMatch(name::endsWith);
        if (!(knownType || UNTYPED.contains(declaredType)) || !knownExtension) {
            return "Evidence files must be PDF, PNG or JPEG.";
        }
        return null;
    }

    private static String tooLarge() {
        return "An evidence file may have at most " + MAX_FILE_BYTES / (1024 * 1024) + " MB.";
    }

    private static String baseType(@Nullable String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
