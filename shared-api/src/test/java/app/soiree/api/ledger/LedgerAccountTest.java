package app.soiree.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerAccountTest {

    private static final UserId HOST = UserId.of("5b1c2a9e-3f4d-4c8b-9a7e-1d2c3b4a5f60");

    @Test
    void everyAccountOfTheChartReadsBackFromItsCode() {
        List<LedgerAccount> chart = new ArrayList<>(List.of(LedgerAccount.Platform.values()));
        for (LedgerAccount.HostBucket bucket : LedgerAccount.HostBucket.values()) {
            chart.add(LedgerAccount.host(HOST, bucket));
        }

        assertThat(chart).allSatisfy(account -> assertThat(LedgerAccount.parse(account.code())).contains(account));
        assertThat(LedgerAccounts.hostAvailable(HOST)).isEqualTo("host:" + HOST + ":available");
        assertThat(LedgerAccounts.PROVIDER_CASH).isEqualTo("platform:stripe");
    }

    @Test
    void codesOutsideTheChartNameNoAccount() {
        assertThat(List.of("", "platform:", "platform:cash", "host:" + HOST, "host:" + HOST + ":spare", "host:not-a-user:available",
                "host::available", "HOST:" + HOST + ":available")).allSatisfy(code -> assertThat(LedgerAccount.parse(code)).isEmpty());
    }

    @Test
    void aPostingBooksOnlyToAnAccountOfTheChart() {
        Posting posting = Posting.credit(LedgerAccounts.hostPending(HOST), Money.of(100, "EUR"));

        assertThat(posting.ledgerAccount()).isEqualTo(new LedgerAccount.Host(HOST, LedgerAccount.HostBucket.PENDING));
        assertThatThrownBy(() -> Posting.debit("platform:somewhere", Money.of(100, "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }
}
