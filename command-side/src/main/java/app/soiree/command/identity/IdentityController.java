package app.soiree.command.identity;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ChangeProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.command.limits.RegistrationLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, sign-in, token refresh and logout, becoming a host, and staff accounts. */
@RestController
@Tag(name = "Identity")
class IdentityController {

    private final Accounts accounts;
    private final Tokens tokens;
    private final RegistrationLimiter registrations;
    private final CommandGateway commands;

    IdentityController(Accounts accounts, Tokens tokens, RegistrationLimiter registrations, CommandGateway commands) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.registrations = registrations;
        this.commands = commands;
    }

    @PostMapping("/api/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Open an account (public); every account may book, hosting needs a host profile; "
            + "429 RATE_LIMITED (with Retry-After) beyond soiree.abuse.registrations-per-address-per-hour")
    UserIdResponse register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        registrations.acquire(http.getRemoteAddr());
        return new UserIdResponse(accounts.register(request.email(), request.password(), request.displayName(), request.phone()));
    }

    @PostMapping("/api/auth/login")
    @SecurityRequirements
    @Operation(summary = "Sign in (public); rate limited per account and per client address")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(accounts.login(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/api/auth/refresh")
    @SecurityRequirements
    @Operation(summary = "Trade a refresh token for new tokens (public); each refresh token works once")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(tokens.refresh(request.refreshToken()));
    }

    @PostMapping("/api/auth/logout")
    @Operation(summary = "Revoke the given refresh token's family, or every refresh token of the caller when none is given")
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) @Nullable LogoutRequest request, Actor actor) {
        tokens.revoke(actor.userId().value(), request == null ? null : request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/me/host-profile")
    @Operation(summary = "Become a host (grants role HOST; refresh the tokens to act with it)")
    HostProfileResponse becomeHost(@Valid @RequestBody(required = false) @Nullable HostProfileRequest request, Actor actor) {
        accounts.becomeHost(actor.userId(), request == null ? null : request.bio());
        return new HostProfileResponse(actor.userId(), Role.HOST);
    }

    @PatchMapping("/api/me/profile")
    @Operation(summary = "Change the name and bio others see (a field left out stays; an empty bio removes it)")
    UserIdResponse changeProfile(@Valid @RequestBody ProfileRequest request, Actor actor) {
        commands.sendAndWait(new ChangeProfile(actor.userId(), request.displayName(), request.bio()));
        return new UserIdResponse(actor.userId());
    }

    @PostMapping("/api/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a staff account (ADMIN)")
    UserIdResponse createStaffMember(@Valid @RequestBody StaffMemberRequest request) {
        return new UserIdResponse(accounts.registerStaffMember(request.email(), request.password(), request.displayName(), request.roles()));
    }

    record ProfileRequest(@Nullable @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
                          @Nullable @Size(max = 2000) String bio) {
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 80) String displayName,
            @Nullable @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164 form, e.g. +4915112345678") String phone) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
    }

    record LogoutRequest(@Nullable @Size(max = 256) String refreshToken) {
    }

    record HostProfileRequest(@Nullable @Size(max = 2000) String bio) {
    }

    record StaffMemberRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 80) String displayName,
            @NotEmpty Set<Role> roles) {
    }

    record UserIdResponse(UserId userId) {
    }

    record HostProfileResponse(UserId userId, Role grantedRole) {
    }

    record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresIn(), "Bearer");
        }
    }
}
