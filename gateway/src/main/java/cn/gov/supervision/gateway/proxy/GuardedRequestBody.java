package cn.gov.supervision.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The client's body on its way to the service: counted against the route's limit when its length was not declared
 * (a declared one was checked up front), and reporting its end, which is when the service's time to answer starts.
 * Past the limit it fails the stream, which makes the proxy reset the exchange with the service; what the client
 * still sends is read and thrown away (so it can read the 413) up to the drain limit, past which it is cut off.
 */
final class GuardedRequestBody implements ReadStream<Buffer> {

    interface Listener {

        void tooLarge();

        void ended();

        void drainExceeded();
    }

    /** Raised into the proxy's pipe when the body outgrows its limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long maxSize;
    private final long drainMaxSize;
    private final Listener listener;
    private Handler<Buffer> downstream;
    private Handler<Throwable> exceptionHandler;
    private long received;
    private boolean refused;

    GuardedRequestBody(ReadStream<Buffer> body, long maxSize, long drainMaxSize, Listener listener) {
        this.body = body;
        this.maxSize = maxSize;
        this.drainMaxSize = drainMaxSize;
        this.listener = listener;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        downstream = handler;
        // once refused, keep counting what is drained even after the proxy lets go of the stream
        body.handler(handler == null && !refused ? null : this::receive);
        return this;
    }

    private void receive(Buffer chunk) {
        received += chunk.length();
        if (refused) {
            if (received > drainMaxSize) {
                listener.drainExceeded();
            }
            return;
        }
        if (received > maxSize) {
            refused = true;
            listener.tooLarge();
            if (exceptionHandler != null) {
                exceptionHandler.handle(new TooLarge());
            }
            return;
        }
        if (downstream != null) {
            downstream.handle(chunk);
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            body.endHandler(null);
            return this;
        }
        body.endHandler(ignored -> {
            if (!refused) {
                endHandler.handle(null);
                listener.ended();
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }
}
