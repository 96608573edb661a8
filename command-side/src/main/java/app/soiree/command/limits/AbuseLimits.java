package app.soiree.command.limits;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one client may take before it is answered 429. Per address counts are kept per client
 * address as the container sees it (behind a proxy, set {@code server.forward-headers-strategy}).
 *
 * @param registrationsPerAddressPerHour accounts one address may open per hour
 * @param unpaidHoldsPerAccount          bookings one account may hold unpaid at once, across gatherings
 * @param unpaidSeatsPerAddress          seats held unpaid at once from one address, across gatherings
 * @param unpaidSeatsPerAddressPerGathering seats held unpaid at once from one address at one gathering
 * @param reportsPerUserPerDay            reports (of users, gatherings and messages) one account may file in any 24 hours;
 *                                        per account, so no address is exempt
 * @param exemptAddresses                client addresses no limit here applies to (the operator's own tools)
 */
@ConfigurationProperties("soiree.abuse")
public record AbuseLimits(
        Integer registrationsPerAddressPerHour,
        Integer unpaidHoldsPerAccount,
        Integer unpaidSeatsPerAddress,
        Integer unpaidSeatsPerAddressPerGathering,
        Integer reportsPerUserPerDay,
        Set<String> exemptAddresses) {

    public AbuseLimits {
        registrationsPerAddressPerHour = registrationsPerAddressPerHour == null ? 20 : registrationsPerAddressPerHour;
        unpaidHoldsPerAccount = unpaidHoldsPerAccount == null ? 3 : unpaidHoldsPerAccount;
        unpaidSeatsPerAddress = unpaidSeatsPerAddress == null ? 40 : unpaidSeatsPerAddress;
        unpaidSeatsPerAddressPerGathering = unpaidSeatsPerAddressPerGathering == null ? 10 : unpaidSeatsPerAddressPerGathering;
        reportsPerUserPerDay = reportsPerUserPerDay == null ? 20 : reportsPerUserPerDay;
        exemptAddresses = exemptAddresses == null ? Set.of() : Set.copyOf(exemptAddresses);
    }

    boolean exempts(String clientAddress) {
        return exemptAddresses.contains(clientAddress);
    }
}
