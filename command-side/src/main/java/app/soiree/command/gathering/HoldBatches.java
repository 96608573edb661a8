package app.soiree.command.gathering;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldOutcome;
import app.soiree.api.gathering.HoldSeats;
import app.soiree.api.gathering.HoldSeatsBatch;
import app.soiree.api.identity.Actor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 */
@Component
public class HoldBatches implements DisposableBean {

    /** The most holds one commit decides; the first of them waits for the rest, a few milliseconds each. */
    static final int MAX_BATCH = 50;
    /** Deciders at once: one per gathering with holds in line; beyond this the request that starts a line serves it. */
    private static final int MAX_DECIDERS = 16;

    private static final Logger log = LoggerFactory.getLogger(HoldBatches.class);

    private final CommandGateway commands;
    /** A gathering's line is here while a decider serves it; the decider that finds it empty removes it. */
    private final ConcurrentHashMap<GatheringId, ArrayDeque<Waiting>> lines = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor deciders;

    public HoldBatches(CommandGateway commands) {
        this.commands = commands;
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
        if (joinLine(waiting)) {
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

    /** True when this hold starts the line, which then needs a decider. */
    private boolean joinLine(Waiting waiting) {
        boolean[] starts = {false};
        lines.compute(waiting.hold.command().gatheringId(), (gathering, line) -> {
            ArrayDeque<Waiting> joined = line != null ? line : new ArrayDeque<>();
            starts[0] = line == null;
            joined.addLast(waiting);
            return joined;
        });
        return starts[0];
    }

    private void serve(GatheringId gatheringId) {
        for (List<Waiting> batch = nextBatch(gatheringId); !batch.isEmpty(); batch = nextBatch(gatheringId)) {
            try {
                decide(gatheringId, batch);
            } catch (RuntimeException | Error unexpected) {
                log.error("Holds for gathering {} could not be decided", gatheringId, unexpected);
                batch.forEach(waiting -> waiting.answer.completeExceptionally(unexpected));
            }
        }
    }

    /** The holds that queued since the last batch, up to {@link #MAX_BATCH}; none, and the line is gone, when it is empty. */
    private List<Waiting> nextBatch(GatheringId gatheringId) {
        List<Waiting> batch = new ArrayList<>();
        lines.computeIfPresent(gatheringId, (gathering, line) -> {
            while (!line.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(line.removeFirst());
            }
            return batch.isEmpty() ? null : line;
        });
        return batch;
    }

    private void decide(GatheringId gatheringId, List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting alone = batch.getFirst();
            try {
                alone.answer.complete(Optional.of(commands.sendAndWait(alone.alone())));
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
            CompletableFuture<Optional<HoldOutcome>> waiting = batch.get(i).answer;
            if (answer.reservation() != null) {
                waiting.complete(Optional.of(answer.reservation()));
            } else if (answer.soldOut() != null) {
                waiting.complete(Optional.of(answer.soldOut()));
            } else if (answer.refusal() != null) {
                waiting.completeExceptionally(new SoireeException(ErrorCode.valueOf(answer.refusal()), String.valueOf(answer.message())));
            } else {
                waiting.complete(Optional.empty());
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
            size[0] = line.size(); // read under the line's lock, as every change to it is made
            return line;
        });
        return size[0];
    }

    @Override
    public void destroy() {
        deciders.shutdown();
    }

    /** A hold in line, and where its answer goes: empty when it is to be sent alone. */
    private record Waiting(HoldSeatsBatch.Hold hold, CompletableFuture<Optional<HoldOutcome>> answer) {

        Waiting(HoldSeatsBatch.Hold hold) {
            this(hold, new CompletableFuture<>());
        }

        CommandMessage<HoldSeats> alone() {
            return asCommand(hold);
        }
    }
}
