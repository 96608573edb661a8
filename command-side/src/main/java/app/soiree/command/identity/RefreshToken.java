package app.soiree.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refresh token, stored only as its SHA-256 hash. Tokens rotate: each works once, and its
 * successor belongs to the same family. Presenting a spent token again means it was copied, so the
 * whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, UUID familyId, UUID userId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    boolean isSpentOrRevoked() {
        return usedAt != null || revokedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void markUsed(Instant now) {
        usedAt = now;
    }
}
