package app.soiree.console.ledger;

import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chart of accounts as suggestions for the account field: the platform's accounts, and a host's
 * four accounts as soon as the text holds the host's id. Any other account can still be typed in.
 */
final class AccountSuggestions {

    static final List<String> PLATFORM = List.of(LedgerAccounts.PROVIDER_CASH, LedgerAccounts.PLATFORM_FEES,
            LedgerAccounts.PROVIDER_FEES, LedgerAccounts.LOSSES, LedgerAccounts.PAYOUTS_IN_TRANSIT, LedgerAccounts.PROMOTIONS);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AccountSuggestions() {
    }

    static List<String> matching(String typed) {
        String filter = typed.strip().toLowerCase(Locale.ROOT);
        List<String> suggestions = new ArrayList<>();
        Matcher hostId = UUID_TEXT.matcher(filter);
        if (hostId.find()) {
            UserId host = UserId.of(hostId.group());
            suggestions.addAll(List.of(LedgerAccounts.hostPending(host), LedgerAccounts.hostAvailable(host),
                    LedgerAccounts.hostReserved(host), LedgerAccounts.hostDisputeHold(host)));
        }
        PLATFORM.stream().filter(account -> account.contains(filter)).forEach(suggestions::add);
        return suggestions;
    }
}
