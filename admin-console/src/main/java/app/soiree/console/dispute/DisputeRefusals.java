package app.soiree.console.dispute;

import app.soiree.console.platform.CommandRefused;

/** What support reads when the platform refuses a dispute action: the dispute's own codes, then the console's. */
final class DisputeRefusals {

    private DisputeRefusals() {
    }

    static String explanation(CommandRefused refused) {
        return switch (refused.code()) {
            case EVIDENCE_REJECTED -> "The platform refused this evidence: files must be PDF, PNG or JPEG (by their content) of at "
                    + "most 5 MB, at most 20 files and 20,000 characters of text per dispute, and evidence is needed before it is "
                    + "submitted.";
            case DISPUTE_CLOSED -> "The provider has decided this dispute; nothing more can be done on it.";
            case STATE_CONFLICT -> "The dispute has moved on (evidence submitted or the loss accepted); the page shows where it stands.";
            case PAYMENT_PROVIDER_UNAVAILABLE -> "The payment provider could not be reached. Nothing was sent; try again in a moment.";
            default -> refused.explanation();
        };
    }
}
