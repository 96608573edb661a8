package app.soiree.query.privacy;

import app.soiree.api.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The right of access: a signed-in user downloads everything the platform holds about them. */
@RestController
@Tag(name = "Identity")
class DataExportController {

    private final DataExport dataExport;

    DataExportController(DataExport dataExport) {
        this.dataExport = dataExport;
    }

    /** There is no user parameter on purpose: the export is always the caller's own. */
    @GetMapping("/api/me/data-export")
    @Operation(summary = "Everything the platform holds about the signed-in user, as a JSON file to download")
    ResponseEntity<PersonalData> export(Actor actor) {
        PersonalData data = dataExport.of(actor.userId());
        String fileName = "soiree-data-" + actor.userId() + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                // Personal data stays out of shared caches and browser history.
                .cacheControl(CacheControl.noStore())
                .body(data);
    }
}
