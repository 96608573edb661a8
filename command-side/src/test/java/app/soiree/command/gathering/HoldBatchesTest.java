package app.soiree.command.gathering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.BookingStatus;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.HoldSeatsBatch;
import app.soiree.api.gathering.SeatsReservation;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The line in front of a gathering, on a real Axon command bus whose handlers play the gathering: holds that queue while
 * one is decided go together as one batch, each answered on its own and sent with its own guest; a batch that fails as a
 * whole sends each of its holds alone.
 */
class HoldBatchesTest {

    private static final GatheringId GATHERING = new GatheringId(new UUID(1, 1));
    private static final TierId TIER = new TierId(new UUID(1, 2));
    private static final UserId HOST = new UserId(new UUID(1, 3));

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final List<CommandMessage<?>> alone = new CopyOnWriteArrayList<>();
    private final List<CommandMessage<?>> batches = new CopyOnWriteArrayList<>();
    /** The first single hold waits here, so that the others queue behind it. */
    private final CountDownLatch firstHoldDecides = new CountDownLatch(1);
    private volatile boolean batchesFail;
    private HoldBatches holds;
    private ExecutorService guests;

    @BeforeEach
    void setUp() {
        bus.subscribe(HoldSeats.class.getName(), message -> {
            alone.add(message);
            if (alone.size() == 1) {
                firstHoldDecides.await(10, TimeUnit.SECONDS);
            }
            return reservation((HoldSeats) message.getPayload());
        });
        bus.subscribe(HoldSeatsBatch.class.getName(), message -> {
            batches.add(message);
            if (batchesFail) {
                throw new IllegalStateException("the database went away");
            }
            List<HoldSeatsBatch.Answer> answers = new ArrayList<>();
            for (HoldSeatsBatch.Hold hold : ((HoldSeatsBatch) message.getPayload()).holds()) {
                answers.add(hold.command().quantity() == 2 ? HoldSeatsBatch.Answer.refused(ErrorCode.ALREADY_BOOKED.name(), "twice")
                        : hold.command().quantity() == 3 ? HoldSeatsBatch.Answer.of(new SoldOut(1))
                        : HoldSeatsBatch.Answer.of(reservation(hold.command())));
            }
            return answers;
        });
        holds = new HoldBatches(DefaultCommandGateway.builder().commandBus(bus).build());
        guests = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void tearDown() {
        guests.shutdownNow();
        holds.destroy();
    }

    @Test
    void holdsThatQueueWhileOneIsDecidedGoTogetherEachAnsweredOnItsOwn() throws Exception {
        Future<HoldOutcome> first = guests.submit(() -> holds.hold(hold(1, 1), guest(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> alone.size() == 1);
        List<Future<HoldOutcome>> queued = new ArrayList<>();
        for (int n = 2; n <= 6; n++) {
            int guest = n;
            queued.add(guests.submit(() -> holds.hold(hold(guest, guest == 4 ? 2 : guest == 5 ? 3 : 1), guest(guest))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 5);
        firstHoldDecides.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(1, 1)));
        assertThat(queued.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(2, 1)));
        assertThat(queued.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(3, 1)));
        assertThatThrownBy(() -> queued.get(2).get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(SoireeException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_BOOKED));
        assertThat(queued.get(3).get(5, TimeUnit.SECONDS)).isEqualTo(new SoldOut(1));
        assertThat(queued.get(4).get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(6, 1)));

        assertThat(alone).hasSize(1);
        assertThat(alone.getFirst().getMetaData()).containsAllEntriesOf(guest(1).metaData());
        assertThat(batches).singleElement().satisfies(batch -> {
            List<HoldSeatsBatch.Hold> batched = ((HoldSeatsBatch) batch.getPayload()).holds();
            assertThat(batched).extracting(each -> each.command().guestId()).containsExactlyInAnyOrder(
                    guest(2).userId(), guest(3).userId(), guest(4).userId(), guest(5).userId(), guest(6).userId());
            assertThat(batched).allSatisfy(each ->
                    assertThat(each.metaData()).isEqualTo(guest(each.command().guestId()).metaData()));
            assertThat(batched).extracting(HoldSeatsBatch.Hold::messageId).doesNotHaveDuplicates();
        });
        assertThat(holds.inLine(GATHERING)).isZero();
    }

    @Test
    void aBatchThatFailsAsAWholeSendsEachOfItsHoldsAlone() throws Exception {
        batchesFail = true;
        Future<HoldOutcome> first = guests.submit(() -> holds.hold(hold(1, 1), guest(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> alone.size() == 1);
        List<Future<HoldOutcome>> queued = new ArrayList<>();
        for (int n = 2; n <= 4; n++) {
            int guest = n;
            queued.add(guests.submit(() -> holds.hold(hold(guest, 1), guest(guest))));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 3);
        firstHoldDecides.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(1, 1)));
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(i + 2, 1)));
        }
        assertThat(batches).hasSize(1);
        assertThat(alone).hasSize(4).allSatisfy(message -> assertThat(message.getMetaData())
                .containsAllEntriesOf(guest(((HoldSeats) message.getPayload()).guestId()).metaData()));
    }

    @Test
    void aHoldRefusedAloneIsRefusedToItsGuest() {
        bus.subscribe(HoldSeats.class.getName(), message -> {
            throw new SoireeException(ErrorCode.BANNED_BY_HOST, "not here");
        });
        assertThatThrownBy(() -> holds.hold(hold(1, 1), guest(1)))
                .isInstanceOfSatisfying(SoireeException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.BANNED_BY_HOST));
        assertThat(holds.inLine(GATHERING)).isZero();
    }

    private static HoldSeats hold(int guest, int quantity) {
        return new HoldSeats(GATHERING, new BookingId(new UUID(2, guest)), TIER, guest(guest).userId(), quantity);
    }

    private static Actor guest(int n) {
        return guest(new UserId(new UUID(3, n)));
    }

    private static Actor guest(UserId userId) {
        return new Actor(userId, Set.of(Role.GUEST));
    }

    private static SeatsReservation reservation(HoldSeats hold) {
        return new SeatsReservation(hold.bookingId(), HOST, BookingStatus.HELD, Money.of(1000L * hold.quantity(), "EUR"), null);
    }
}
