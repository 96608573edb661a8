package app.soiree.api.ledger;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rule every money event obeys, checked where its postings are made and again where they are used. */
public final class Postings {

    private Postings() {
    }

    /** Returns the postings unchanged when they balance; a set that does not is a bug and must never be stored. */
    public static List<Posting> requireBalanced(List<Posting> postings) {
        if (postings.isEmpty()) {
            throw new IllegalStateException("A money event needs postings");
        }
        Map<String, Long> sums = new TreeMap<>();
        for (Posting posting : postings) {
            sums.merge(posting.amount().currency().getCurrencyCode(), posting.amount().amountMinor(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalStateException("Postings do not balance: " + Currency.getInstance(currency).getCurrencyCode()
                        + " sums to " + sum + " in " + postings);
            }
        });
        return List.copyOf(postings);
    }
}
