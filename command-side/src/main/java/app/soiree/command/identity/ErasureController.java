package app.soiree.command.identity;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The right to erasure: a user's own request, and an admin's. Both answer 202, also when the data was already erased. */
@RestController
@Tag(name = "Identity")
class ErasureController {

    private final AccountErasure erasure;

    ErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/api/me/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Erase the caller's personal data (name, email, phone, bio, messages, notes) everywhere; ids and money stay. "
            + "400 VALIDATION_FAILED on password when it is wrong; 409 ERASURE_BLOCKED while the platform owes the host money")
    ErasureResponse eraseOwn(@Valid @RequestBody OwnErasureRequest request, Actor actor, HttpServletRequest http) {
        erasure.eraseOwn(actor.userId(), request.password(), http.getRemoteAddr());
        return new ErasureResponse(actor.userId());
    }

    @PostMapping("/api/staff/users/{userId}/erasure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Erase a user's personal data (ADMIN), whatever the platform owes them; the reason is kept for the audit")
    ErasureResponse eraseByStaff(@PathVariable UUID userId, @Valid @RequestBody StaffErasureRequest request) {
        erasure.eraseByStaff(new UserId(userId), request.reason());
        return new ErasureResponse(new UserId(userId));
    }

    record OwnErasureRequest(@NotBlank @Size(max = 128) String password) {
    }

    record StaffErasureRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record ErasureResponse(UserId userId) {
    }
}
