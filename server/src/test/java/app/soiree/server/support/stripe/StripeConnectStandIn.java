package app.soiree.server.support.stripe;

import static app.soiree.server.support.stripe.StripeStandIn.stripeJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import java.util.List;
import java.util.Map;

/**
 * Stripe Connect on the {@link StripeStandIn}'s WireMock: Express accounts ({@code POST /v1/accounts}), Account
 * Links ({@code POST /v1/account_links}) and transfers to connected accounts ({@code POST /v1/transfers}), answered
 * in the shapes of Stripe's API reference. Like Stripe's idempotency, an account's id follows from the create's
 * {@code Idempotency-Key} (Soiree derives it from the host), and a transfer's from its key (the payout id), so a
 * repeated create answers with the same object.
 *
 * <p>Defaults are registered once and survive {@link StripeStandIn#reset()}; failure injections are per test (matched
 * on the destination account, which is one host's) and are removed by it.
 */
public final class StripeConnectStandIn {

    private static final String ACCOUNTS = "/v1/accounts";
    private static final String ACCOUNT_LINKS = "/v1/account_links";
    private static final String TRANSFERS = "/v1/transfers";
    private static final int FAILURE_INJECTION = 3;
    private static final int DEFAULT = 10;
    private static final Map<String, Object> PER_TEST = Map.of("stripeStandIn", "per-test");

    private StripeConnectStandIn() {
    }

    private static final class Defaults {
        static final boolean REGISTERED = register();

        private static boolean register() {
            StripeStandIn.server().stubFor(post(urlPathEqualTo(ACCOUNTS)).atPriority(DEFAULT).willReturn(stripeJson(200, ACCOUNT)));
            StripeStandIn.server().stubFor(post(urlPathEqualTo(ACCOUNT_LINKS)).atPriority(DEFAULT).willReturn(stripeJson(200, ACCOUNT_LINK)));
            StripeStandIn.server().stubFor(post(urlPathEqualTo(TRANSFERS)).atPriority(DEFAULT).willReturn(createdTransfer()));
            return true;
        }
    }

    /** Registers the Connect answers on the stand-in; call before the first Connect request (idempotent). */
    public static void install() {
        if (!Defaults.REGISTERED) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** The account the stand-in creates for a host: Soiree's idempotency key is {@code payout-account-<hostId>}. */
    public static String accountIdFor(String hostId) {
        return "acct_" + hostId.replace("-", "").substring(0, 16);
    }

    /** The transfer the stand-in creates for a payout (its id is the idempotency key). */
    public static String transferIdFor(String payoutId) {
        return "tr_" + payoutId.replace("-", "");
    }

    // ---- Failure injections ------------------------------------------------------------------------------------

    /** Transfers to this account are refused as Stripe refuses a destination without the transfers capability (400). */
    public static void refuseTransfersTo(String accountId) {
        StripeStandIn.server().stubFor(transferTo(accountId).atPriority(FAILURE_INJECTION).willReturn(stripeJson(400, """
                {
                  "error": {
                    "code": "insufficient_capabilities_for_transfer",
                    "doc_url": "https://stripe.com/docs/error-codes/insufficient-capabilities-for-transfer",
                    "message": "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                    "param": "destination",
                    "request_log_url": "https://dashboard.stripe.com/test/logs/{{requestId}}",
                    "type": "invalid_request_error"
                  }
                }
                """)));
    }

    /**
     * Transfers to this account are made, but the answer comes only after {@link StripeStandIn#DELAY_MILLIS}, so the
     * client gives up first: the "we do not know" case. With {@code times} > 0 only that many time out, later ones
     * are answered at once (with the same transfer, as the key is the same).
     */
    public static void timeOutTransfersTo(String accountId, int times) {
        if (times <= 0) {
            StripeStandIn.server().stubFor(transferTo(accountId).atPriority(FAILURE_INJECTION)
                    .willReturn(createdTransfer().withFixedDelay(StripeStandIn.DELAY_MILLIS)));
            return;
        }
        String scenario = "transfers time out: " + accountId;
        for (int attempt = 0; attempt < times; attempt++) {
            StripeStandIn.server().stubFor(transferTo(accountId).atPriority(FAILURE_INJECTION).inScenario(scenario)
                    .whenScenarioStateIs(attempt == 0 ? Scenario.STARTED : "timed out " + attempt)
                    .willSetStateTo("timed out " + (attempt + 1))
                    .willReturn(createdTransfer().withFixedDelay(StripeStandIn.DELAY_MILLIS)));
        }
        StripeStandIn.server().stubFor(transferTo(accountId).atPriority(FAILURE_INJECTION).inScenario(scenario)
                .whenScenarioStateIs("timed out " + times).willReturn(createdTransfer()));
    }

    // ---- Recorded requests -------------------------------------------------------------------------------------

    public static List<LoggedRequest> accountCreatesFor(String hostId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(ACCOUNTS))
                .withFormParam("metadata[soiree_host_id]", equalTo(hostId)));
    }

    public static List<LoggedRequest> accountLinksFor(String accountId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(ACCOUNT_LINKS)).withFormParam("account", equalTo(accountId)));
    }

    public static List<LoggedRequest> transfersTo(String accountId) {
        return StripeStandIn.server().findAll(postRequestedFor(urlPathEqualTo(TRANSFERS)).withFormParam("destination", equalTo(accountId)));
    }

    // ---- Building blocks ---------------------------------------------------------------------------------------

    private static MappingBuilder transferTo(String accountId) {
        return post(urlPathEqualTo(TRANSFERS)).withFormParam("destination", equalTo(accountId)).withMetadata(PER_TEST);
    }

    private static ResponseDefinitionBuilder createdTransfer() {
        return stripeJson(200, TRANSFER).withHeader("Idempotency-Key", "{{request.headers.Idempotency-Key}}");
    }

    /** An Express account right after create: nothing submitted, transfers requested but inactive, payouts disabled. */
    private static final String ACCOUNT = """
            {{~formData request.body 'form' urlDecode=true~}}
            {{~#assign 'hostId'}}{{lookup form 'metadata[soiree_host_id]'}}{{/assign~}}
            {
              "id": "acct_{{substring (replace hostId '-' '') 0 16}}",
              "object": "account",
              "business_profile": {"annual_revenue": null, "estimated_worker_count": null, "mcc": null, "name": null,
                "product_description": null, "support_address": null, "support_email": null, "support_phone": null,
                "support_url": null, "url": null},
              "business_type": null,
              "capabilities": {"transfers": "inactive"},
              "charges_enabled": false,
              "controller": {"fees": {"payer": "application_express"}, "is_controller": true,
                "losses": {"payments": "application"}, "requirement_collection": "stripe",
                "stripe_dashboard": {"type": "express"}, "type": "application"},
              "country": "PT",
              "created": {{now format='unix'}},
              "default_currency": "eur",
              "details_submitted": false,
              "email": null,
              "external_accounts": {"object": "list", "data": [], "has_more": false, "total_count": 0,
                "url": "/v1/accounts/acct_{{substring (replace hostId '-' '') 0 16}}/external_accounts"},
              "future_requirements": {"alternatives": [], "current_deadline": null, "currently_due": [], "disabled_reason": null,
                "errors": [], "eventually_due": [], "past_due": [], "pending_verification": []},
              "metadata": {"soiree_host_id": {{toJson hostId}} },
              "payouts_enabled": false,
              "requirements": {"alternatives": [], "current_deadline": null,
                "currently_due": ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
                "disabled_reason": "requirements.past_due", "errors": [],
                "eventually_due": ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
                "past_due": ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
                "pending_verification": []},
              "settings": {"payouts": {"debit_negative_balances": true, "schedule": {"delay_days": 7, "interval": "daily"},
                "statement_descriptor": null}},
              "tos_acceptance": {"date": null, "ip": null, "user_agent": null},
              "type": "express"
            }
            """;

    private static final String ACCOUNT_LINK = """
            {{~formData request.body 'form' urlDecode=true~}}
            {
              "object": "account_link",
              "created": {{now format='unix'}},
              "expires_at": {{now offset='5 minutes' format='unix'}},
              "url": "https://connect.stripe.com/setup/e/{{lookup form 'account'}}/{{randomValue length=12 type='ALPHANUMERIC'}}"
            }
            """;

    /** A transfer as Stripe answers its create: made at once, nothing reversed; amount, currency, destination and metadata echoed. */
    private static final String TRANSFER = """
            {{~formData request.body 'form' urlDecode=true~}}
            {{~#assign 'transferId'}}tr_{{replace request.headers.Idempotency-Key '-' ''}}{{/assign~}}
            {
              "id": "{{transferId}}",
              "object": "transfer",
              "amount": {{lookup form 'amount'}},
              "amount_reversed": 0,
              "balance_transaction": "txn_{{substring (replace request.headers.Idempotency-Key '-' '') 0 24}}",
              "created": {{now format='unix'}},
              "currency": {{toJson (lookup form 'currency')}},
              "description": null,
              "destination": {{toJson (lookup form 'destination')}},
              "destination_payment": "py_{{substring (replace request.headers.Idempotency-Key '-' '') 0 24}}",
              "livemode": false,
              "metadata": {"soiree_payout_id": {{toJson (lookup form 'metadata[soiree_payout_id]')}},
                "soiree_host_id": {{toJson (lookup form 'metadata[soiree_host_id]')}} },
              "reversals": {"object": "list", "data": [], "has_more": false, "total_count": 0,
                "url": "/v1/transfers/{{transferId}}/reversals"},
              "reversed": false,
              "source_transaction": null,
              "source_type": "card",
              "transfer_group": {{toJson (lookup form 'transfer_group')}}
            }
            """;
}
