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
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<BookingId> onRecord = ConcurrentHashMap.newKeySet();
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
                answers.add(hold.command().quantity() == 2 ? HoldSeatsBatch.Answer.refused(ErrorCode.ALREADY_BOOKED.name(), "twice", 100)
                        : hold.command().quantity() == 3 ? HoldSeatsBatch.Answer.of(new SoldOut(1), 1)
                        : HoldSeatsBatch.Answer.of(reservation(hold.command()), 100));
            }
            return answers;
        });
        holds = new HoldBatches(DefaultCommandGateway.builder().commandBus(bus).build(), onRecord::contains);
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

    /**
     * A gathering of six seats whose second batch takes its time: while it is decided, the holds in line and in it ask
     * for all but one seat the first batch left. The next guest still joins for that seat; the one after is answered
     * SOLD_OUT at once, without waiting for the batch or reaching the gathering; a guest whose booking is on record joins
     * all the same and is answered by the gathering.
     */
    @Test
    void aHoldForSeatsThatTheHoldsAheadAskForIsAnsweredSoldOutAtOnce() throws Exception {
        int[] left = {6};
        List<HoldSeats> decided = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchDecides = new CountDownLatch(1);
        CountDownLatch secondBatchDecides = new CountDownLatch(1);
        bus.subscribe(HoldSeats.class.getName(), message -> {
            alone.add(message);
            firstHoldDecides.await(10, TimeUnit.SECONDS);
            return decide((HoldSeats) message.getPayload(), left, decided);
        });
        bus.subscribe(HoldSeatsBatch.class.getName(), message -> {
            batches.add(message);
            (batches.size() == 1 ? firstBatchDecides : secondBatchDecides).await(10, TimeUnit.SECONDS);
            List<HoldSeatsBatch.Answer> answers = new ArrayList<>();
            for (HoldSeatsBatch.Hold hold : ((HoldSeatsBatch) message.getPayload()).holds()) {
                answers.add(HoldSeatsBatch.Answer.of(decide(hold.command(), left, decided), left[0]));
            }
            return answers;
        });

        Future<HoldOutcome> first = guests.submit(() -> holds.hold(hold(1, 1), guest(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> alone.size() == 1);
        List<Future<HoldOutcome>> inFirstBatch = List.of(guests.submit(() -> holds.hold(hold(2, 1), guest(2))),
                guests.submit(() -> holds.hold(hold(3, 1), guest(3))));
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 2);
        firstHoldDecides.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        List<Future<HoldOutcome>> inSecondBatch = List.of(guests.submit(() -> holds.hold(hold(4, 1), guest(4))),
                guests.submit(() -> holds.hold(hold(5, 1), guest(5))));
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 2);
        firstBatchDecides.countDown(); // three seats left, and the two holds now being decided ask for two of them
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);

        Future<HoldOutcome> lastSeat = guests.submit(() -> holds.hold(hold(6, 1), guest(6)));
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 1);
        assertThat(holds.hold(hold(7, 1), guest(7))).isEqualTo(new SoldOut(0));
        assertThat(holds.hold(hold(8, 3), guest(8))).isEqualTo(new SoldOut(0));
        onRecord.add(hold(9, 1).bookingId());
        Future<HoldOutcome> onItsRecord = guests.submit(() -> holds.hold(hold(9, 1), guest(9)));
        await().atMost(Duration.ofSeconds(5)).until(() -> holds.inLine(GATHERING) == 2);
        assertThat(secondBatchDecides.getCount()).isOne(); // answered while the holds ahead were still being decided
        secondBatchDecides.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(1, 1)));
        for (Future<HoldOutcome> held : List.of(inFirstBatch.get(0), inFirstBatch.get(1), inSecondBatch.get(0), inSecondBatch.get(1))) {
            assertThat(held.get(5, TimeUnit.SECONDS)).isInstanceOf(SeatsReservation.class);
        }
        assertThat(lastSeat.get(5, TimeUnit.SECONDS)).isEqualTo(reservation(hold(6, 1)));
        assertThat(onItsRecord.get(5, TimeUnit.SECONDS)).isEqualTo(new SoldOut(0));
        assertThat(decided).extracting(HoldSeats::guestId).containsExactlyInAnyOrder(
                guest(1).userId(), guest(2).userId(), guest(3).userId(), guest(4).userId(), guest(5).userId(),
                guest(6).userId(), guest(9).userId());
        assertThat(left[0]).isZero();
    }

    /** The gathering's decision, one hold at a time: seats while enough are left. */
    private static HoldOutcome decide(HoldSeats hold, int[] left, List<HoldSeats> decided) {
        decided.add(hold);
        if (left[0] < hold.quantity()) {
            return new SoldOut(left[0]);
        }
        left[0] -= hold.quantity();
        return reservation(hold);
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
