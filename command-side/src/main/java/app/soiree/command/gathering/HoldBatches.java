package app.soiree.command.gathering;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.HoldSeatsBatch;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.Actor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hold's serial section, shared by the holds that meet in it. A gathering decides holds one at a time (its
 * aggregate's lock), and each decision used to be a command of its own: a unit of work, a pooled connection taken
 * before the lock and kept while queued for it, and a durable commit, per hold. Now the holds for one gathering wait
 * here, in memory and without a connection, in a line that one decider at a time serves: it takes whatever queued while
 * the previous decision ran and sends it as one {@link HoldSeatsBatch}, one unit of work and one commit for all of them
 * (a group commit), each hold answered from it. A quiet gathering's hold finds the line empty and is sent alone, as the
 * {@link HoldSeats} it is.
 *
 * <p>A batch that fails as a whole (the gathering does not exist, the database failed, a conflict that outlived its
 * retry) is not retried as a batch: each hold in it is sent alone by its own request, so one bad hold never fails its
 * neighbours and each is answered as it would have been alone. A hold refused inside a batch (a ban, a second booking)
 * is refused on its own, the rest go on.
 *
 * <p>Seats the holds in line ask for count as taken, as a held seat does. Each batch's answers say how many seats its
 * tiers had left ({@link HoldSeatsBatch.Answer#left()}); a new hold for a tier whose holds still in line or being
 * decided already ask for every seat left is answered {@link SoldOut} at once, instead of waiting behind them for the
 * same answer (in a rush, the crowd that arrives between the last seat's request and its decision: hundreds of guests,
 * each waiting out the whole line). Should one of the holds ahead be refused after all, its seat goes to whoever asks
 * next, as an expired hold's does. A hold for a booking already on record ({@link BookingsOnRecord}: a retry, a
 * waitlist offer taken up) is never answered so: the gathering answers it, with the seats it has.
 */
@Component
public class HoldBatches implements DisposableBean {

    /** The most holds one commit decides; the first of them waits for the rest, a few milliseconds each. */
    static final int MAX_BATCH = 50;
    /** Deciders at once: one per gathering with holds in line; beyond this the request that starts a line serves it. */
    private static final int MAX_DECIDERS = 16;

    private static final Logger log = LoggerFactory.getLogger(HoldBatches.class);

    private final CommandGateway commands;
    private final BookingsOnRecord bookings;
    /**
     * A gathering's line is here while a decider serves it; the decider that finds it empty removes it, and with it what
     * it knew of the tiers. Each line is read and changed only inside the map's {@code compute} for its key.
     */
    private final ConcurrentHashMap<GatheringId, Line> lines = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor deciders;

    public HoldBatches(CommandGateway commands, BookingsOnRecord bookings) {
        this.commands = commands;
        this.bookings = bookings;
        AtomicInteger number = new AtomicInteger();
        this.deciders = new ThreadPoolExecutor(0, MAX_DECIDERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "hold-decider-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (serveLine, busy) -> serveLine.run()); // all deciders busy, or shut down: the request serves its line itself
    }

    /**
     * Holds the seats {@code command} asks for on behalf of {@code sender}, answering as {@link HoldSeats} answers: the
     * outcome, or the refusal thrown.
     */
    public HoldOutcome hold(HoldSeats command, Actor sender) {
        Waiting waiting = new Waiting(new HoldSeatsBatch.Hold(command, IdentifierFactory.getInstance().generateIdentifier(),
                sender.metaData()));
        Joined joined = joinLine(waiting, false);
        if (joined.taken() != null) {
            if (!bookings.has(command.bookingId())) {
                return joined.taken();
            }
            joined = joinLine(waiting, true); // its own booking: the gathering says what it has
        }
        if (joined.startsLine()) {
            deciders.execute(() -> serve(command.gatheringId()));
        }
        Optional<HoldOutcome> decided;
        try {
            decided = waiting.answer.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        // The batch it was in failed as a whole: sent alone, it gets the answer it would have got alone.
        return decided.isPresent() ? decided.get() : commands.sendAndWait(waiting.alone());
    }

    /**
     * Joins the hold to its gathering's line, unless (and {@code evenIfTaken} is false) the holds ahead already ask for
     * every seat its tier has left: then it stays out, and the answer is what they leave.
     */
    private Joined joinLine(Waiting waiting, boolean evenIfTaken) {
        HoldSeats command = waiting.hold.command();
        Joined[] joined = {null};
        lines.compute(command.gatheringId(), (gathering, line) -> {
            SoldOut taken = line == null || evenIfTaken ? null : line.takenAhead(command.tierId(), command.quantity());
            if (taken != null) {
                joined[0] = new Joined(false, taken);
                return line;
            }
            Line joining = line != null ? line : new Line();
            joining.join(waiting);
            joined[0] = new Joined(line == null, null);
            return joining;
        });
        return joined[0];
    }

    /** Whether the hold started its line (which then needs a decider), or what the holds ahead leave, when it stayed out. */
    private record Joined(boolean startsLine, @Nullable SoldOut taken) {
    }

    private void serve(GatheringId gatheringId) {
        for (List<Waiting> batch = nextBatch(gatheringId); !batch.isEmpty(); batch = nextBatch(gatheringId)) {
            serve(gatheringId, batch);
        }
    }

    private void serve(GatheringId gatheringId, List<Waiting> batch) {
        try {
            decide(gatheringId, batch);
        } catch (RuntimeException | Error unexpected) {
            log.error("Holds for gathering {} could not be decided", gatheringId, unexpected);
            batch.forEach(waiting -> waiting.answer.completeExceptionally(unexpected));
        } finally {
            lines.computeIfPresent(gatheringId, (gathering, line) -> line.decided(batch));
        }
    }

    /** The holds that queued since the last batch, up to {@link #MAX_BATCH}; none, and the line is gone, when it is empty. */
    private List<Waiting> nextBatch(GatheringId gatheringId) {
        List<Waiting> batch = new ArrayList<>();
        lines.computeIfPresent(gatheringId, (gathering, line) -> {
            line.takeInto(batch);
            return batch.isEmpty() ? null : line;
        });
        return batch;
    }

    private void decide(GatheringId gatheringId, List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting alone = batch.getFirst();
            try {
                HoldOutcome outcome = commands.sendAndWait(alone.alone());
                alone.left = outcome instanceof SoldOut soldOut ? Integer.valueOf(soldOut.available()) : null;
                alone.answer.complete(Optional.of(outcome));
            } catch (RuntimeException refused) {
                alone.answer.completeExceptionally(refused);
            }
            return;
        }
        List<HoldSeatsBatch.Answer> answers;
        try {
            answers = commands.sendAndWait(new HoldSeatsBatch(gatheringId, batch.stream().map(Waiting::hold).toList()));
        } catch (RuntimeException failed) {
            log.info("A batch of {} holds for gathering {} failed as a whole; each is sent alone", batch.size(), gatheringId, failed);
            batch.forEach(waiting -> waiting.answer.complete(Optional.empty()));
            return;
        }
        log.debug("{} holds for gathering {} decided in one commit", batch.size(), gatheringId);
        for (int i = 0; i < batch.size(); i++) {
            HoldSeatsBatch.Answer answer = answers.get(i);
            Waiting waiting = batch.get(i);
            waiting.left = answer.left();
            if (answer.reservation() != null) {
                waiting.answer.complete(Optional.of(answer.reservation()));
            } else if (answer.soldOut() != null) {
                waiting.answer.complete(Optional.of(answer.soldOut()));
            } else if (answer.refusal() != null) {
                waiting.answer.completeExceptionally(new SoireeException(ErrorCode.valueOf(answer.refusal()), String.valueOf(answer.message())));
            } else {
                waiting.answer.complete(Optional.empty());
            }
        }
    }

    /** A hold as the command it would have been alone: its own id and sender (sent alone, or decided within a batch). */
    static CommandMessage<HoldSeats> asCommand(HoldSeatsBatch.Hold hold) {
        return new GenericCommandMessage<>(new GenericMessage<>(hold.messageId(), hold.command(), hold.metaData()),
                HoldSeats.class.getName());
    }

    /** How many holds wait in the gathering's line, not yet taken into a batch. */
    int inLine(GatheringId gatheringId) {
        int[] size = {0};
        lines.computeIfPresent(gatheringId, (gathering, line) -> {
            size[0] = line.waiting.size(); // read under the line's lock, as every change to it is made
            return line;
        });
        return size[0];
    }

    @Override
    public void destroy() {
        deciders.shutdown();
    }

    /**
     * A gathering's holds in line, and what the line knows of its tiers: the seats each had left after the last decision
     * it saw, and the seats its holds in line or being decided ask for, which that number does not count yet.
     */
    private static final class Line {

        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        private final Map<TierId, Integer> left = new HashMap<>();
        private final Map<TierId, Integer> asked = new HashMap<>();

        void join(Waiting hold) {
            waiting.addLast(hold);
            asked.merge(hold.tierId(), hold.quantity(), Integer::sum);
        }

        void takeInto(List<Waiting> batch) {
            while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(waiting.removeFirst());
            }
        }

        /**
         * What a hold for {@code quantity} seats of the tier would find, if the holds ahead of it take what they ask for:
         * {@link SoldOut} when too few are left for it; nothing when enough are, or when the line knows no number, or
         * no hold is ahead (then the gathering is to answer: seats may have come back since its last decision).
         */
        @Nullable SoldOut takenAhead(TierId tierId, int quantity) {
            Integer known = left.get(tierId);
            int ahead = asked.getOrDefault(tierId, 0);
            if (known == null || ahead == 0) {
                return null;
            }
            int free = known - ahead;
            return free < quantity ? new SoldOut(Math.max(free, 0)) : null;
        }

        /** The batch was decided: its holds ask for nothing more, and its last answers are what the tiers have left. */
        Line decided(List<Waiting> batch) {
            for (Waiting hold : batch) {
                asked.computeIfPresent(hold.tierId(), (tier, seats) -> seats == hold.quantity() ? null : seats - hold.quantity());
                if (hold.left != null) {
                    left.put(hold.tierId(), hold.left);
                } else {
                    left.remove(hold.tierId()); // decided without a number (alone, or failed): unknown until the next
                }
            }
            return this;
        }
    }

    /**
     * A hold in line, and where its answer goes: empty when it is to be sent alone. {@code left}, once decided: the seats
     * its tier had left, if its answer said (written and read by the thread that serves the line).
     */
    private static final class Waiting {

        private final HoldSeatsBatch.Hold hold;
        private final CompletableFuture<Optional<HoldOutcome>> answer = new CompletableFuture<>();
        private @Nullable Integer left;

        Waiting(HoldSeatsBatch.Hold hold) {
            this.hold = hold;
        }

        HoldSeatsBatch.Hold hold() {
            return hold;
        }

        TierId tierId() {
            return hold.command().tierId();
        }

        int quantity() {
            return hold.command().quantity();
        }

        CommandMessage<HoldSeats> alone() {
            return asCommand(hold);
        }
    }
}
