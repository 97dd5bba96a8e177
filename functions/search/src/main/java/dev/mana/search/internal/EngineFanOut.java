package dev.mana.search.internal;

import dev.mana.search.EngineStatus;
import dev.mana.search.engine.Deadline;
import dev.mana.search.engine.EngineException;
import dev.mana.search.engine.EngineHit;
import dev.mana.search.engine.EngineQuery;
import dev.mana.search.engine.SearchEngine;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks engines at the same time, each on its own virtual thread (they spend their time waiting on
 * the network), and waits for each until the earlier of its own timeout and the search's
 * deadline. An engine never fails the search: whatever it does becomes an {@link EngineRun}.
 */
public final class EngineFanOut {

    /** One engine to ask, with the query shaped for it. */
    public record Call(SearchEngine engine, EngineQuery query) {}

    private final ExecutorService executor;

    public EngineFanOut(ExecutorService executor) {
        this.executor = executor;
    }

    /** The runs, in the order of {@code calls}. */
    public List<EngineRun> run(List<Call> calls, Deadline searchDeadline) {
        record Pending(Call call, Deadline deadline, long startNanos, Future<EngineRun> future) {}
        List<Pending> pending = new ArrayList<>(calls.size());
        for (Call call : calls) {
            Deadline deadline =
                    searchDeadline.earliest(Deadline.after(call.engine().timeout()));
            long start = System.nanoTime();
            pending.add(new Pending(call, deadline, start, executor.submit(() -> ask(call, deadline))));
        }
        List<EngineRun> runs = new ArrayList<>(calls.size());
        for (Pending p : pending) {
            String name = p.call().engine().name();
            try {
                runs.add(p.future().get(p.deadline().remaining().toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                p.future().cancel(true);
                runs.add(
                        EngineRun.failed(name, EngineStatus.TIMEOUT, millisSince(p.startNanos()), "no answer in time"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.future().cancel(true);
                runs.add(EngineRun.failed(name, EngineStatus.ERROR, millisSince(p.startNanos()), "search interrupted"));
            } catch (ExecutionException e) {
                // ask() catches everything it can; this is an Error from the engine.
                runs.add(EngineRun.failed(name, EngineStatus.ERROR, millisSince(p.startNanos()), "engine failed"));
            }
        }
        return runs;
    }

    private static EngineRun ask(Call call, Deadline deadline) {
        String name = call.engine().name();
        long start = System.nanoTime();
        try {
            List<EngineHit> hits = call.engine().search(call.query(), deadline);
            return EngineRun.ok(name, hits, millisSince(start));
        } catch (HttpTimeoutException e) {
            return EngineRun.failed(name, EngineStatus.TIMEOUT, millisSince(start), "no answer in time");
        } catch (EngineException e) {
            return EngineRun.failed(name, EngineStatus.ERROR, millisSince(start), e.getMessage());
        } catch (ConnectException e) {
            return EngineRun.failed(name, EngineStatus.ERROR, millisSince(start), "could not connect");
        } catch (IOException e) {
            return EngineRun.failed(
                    name,
                    EngineStatus.ERROR,
                    millisSince(start),
                    "I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EngineRun.failed(name, EngineStatus.TIMEOUT, millisSince(start), "no answer in time");
        } catch (RuntimeException e) {
            // A parser tripping over a malformed answer: the engine's fault, not the search's.
            return EngineRun.failed(name, EngineStatus.ERROR, millisSince(start), "unreadable answer");
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
