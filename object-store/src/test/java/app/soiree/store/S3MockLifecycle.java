package app.soiree.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One S3Mock for a test run, started in the background the moment a run that includes {@link S3ObjectStoreTest} begins:
 * its start (a Spring Boot application in a JVM of its own, 8 to 15 s on two busy cores) then overlaps the test classes
 * that run before, instead of adding to them. Stopped when the run ends. Registered with the JUnit Platform in
 * {@code META-INF/services}.
 */
public final class S3MockLifecycle implements TestExecutionListener {

    private static @Nullable CompletableFuture<S3MockServer> server;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream()).anyMatch(S3MockLifecycle::needsIt)) {
            start();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        stop();
        ProcessHandle.current().info().totalCpuDuration()
                .ifPresent(cpu -> System.out.printf("The test JVM used %d ms of CPU%n", cpu.toMillis()));
    }

    /** The running server; started now, should the run not have started it. */
    static S3MockServer server() throws Exception {
        try {
            return start().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static synchronized CompletableFuture<S3MockServer> start() {
        if (server == null) {
            server = CompletableFuture.supplyAsync(() -> {
                try {
                    return S3MockServer.start();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }
        return server;
    }

    private static synchronized void stop() {
        if (server != null) {
            server.thenAccept(S3MockServer::close).exceptionally(failure -> null).join();
            server = null;
        }
    }

    private static boolean needsIt(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        return source instanceof ClassSource type && type.getClassName().equals(S3ObjectStoreTest.class.getName());
    }
}
