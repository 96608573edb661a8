package app.soiree.command.social;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.social.ChangePrivacy;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.PrivacyCommand;
import app.soiree.api.social.PrivacySettings;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's privacy settings: whether follows wait for their approval and who sees their follower and following
 * lists. Requests already waiting stay waiting when approval is switched off: the user still decides on them.
 */
@Aggregate
public class Privacy {

    @AggregateIdentifier
    private String privacyId;
    private PrivacySettings settings = PrivacySettings.DEFAULTS;

    protected Privacy() {
        // for Axon's event sourcing, and for the first change
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PrivacySettings handle(ChangePrivacy command, Clock clock) {
        if (privacyId == null || !settings.equals(command.settings())) {
            apply(new PrivacyChanged(command.userId(), command.settings(), clock.instant()));
        }
        return settings;
    }

    @EventSourcingHandler
    void on(PrivacyChanged event) {
        privacyId = PrivacyCommand.privacyIdOf(event.userId());
        settings = event.settings();
    }
}
