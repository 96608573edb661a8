package app.soiree.server.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * Axon's command gateway, with a deadline on every wait: {@code sendAndWait} without a timeout waits
 * for ever, which in distributed mode (a command handled on another node that died) would hold a
 * request thread, and a database connection, for good. Every caller gets {@code soiree.commands.timeout};
 * one that runs out fails with a {@link java.util.concurrent.TimeoutException} as its cause.
 */
final class TimedCommandGateway implements CommandGateway {

    private final CommandGateway delegate;
    private final long timeoutMillis;

    TimedCommandGateway(CommandGateway delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        delegate.send(command, callback);
    }

    @Override
    public <R> R sendAndWait(Object command) {
        return delegate.sendAndWait(command, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData) {
        return delegate.sendAndWait(command, metaData, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return delegate.sendAndWait(command, Math.min(timeoutMillis, unit.toMillis(timeout)), TimeUnit.MILLISECONDS);
    }

    @Override
    public <R> R sendAndWait(Object command, MetaData metaData, long timeout, TimeUnit unit) {
        return delegate.sendAndWait(command, metaData, Math.min(timeoutMillis, unit.toMillis(timeout)), TimeUnit.MILLISECONDS);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        return delegate.send(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command, MetaData metaData) {
        return delegate.send(command, metaData);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }
}
