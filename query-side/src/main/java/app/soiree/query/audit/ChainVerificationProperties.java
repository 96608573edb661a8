package app.soiree.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of a verification of the hash chain ({@code soiree.audit.chain-verification.*}).
 *
 * @param linkWait   how long a verification waits for the chain's processor to link a stored event it has
 *                   not linked yet (an event committed late, or a processor a little behind) before it calls
 *                   the event missing from the chain (default 30 s)
 * @param staleAfter a running verification whose heartbeat is older than this was abandoned by a process
 *                   that stopped, and is marked failed; it beats at least once a second (default 30 s)
 */
@ConfigurationProperties("soiree.audit.chain-verification")
record ChainVerificationProperties(Duration linkWait, Duration staleAfter) {

    ChainVerificationProperties {
        linkWait = linkWait == null ? Duration.ofSeconds(30) : linkWait;
        staleAfter = staleAfter == null ? Duration.ofSeconds(30) : staleAfter;
        if (staleAfter.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("soiree.audit.chain-verification.stale-after must be at least PT3S");
        }
    }
}
