package io.checkin.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A crowd of phones scanning one code: several threads each take the next scan and send it until it is
 * acknowledged (2xx), retrying every other answer, I/O error and timeout with the same scanId, as the app
 * does. Retries wait {@link #RETRY_PAUSE} instead of the advertised Retry-After, so the service is pressed
 * hard while it recovers. Counts what it saw, for assertion messages.
 */
public final class RetryingScanClient implements AutoCloseable {

    public record Scan(String subject, String scanId) {
    }

    static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final URI endpoint;
    private final String code;
    private final Duration timeout;
    private final int threads;
    private final HttpClient http;
    private final ExecutorService workers;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<Scan> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger tooMany = new AtomicInteger();
    private final AtomicInteger otherStatus = new AtomicInteger();
    private final AtomicInteger ioErrors = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopped;

    /** Sends scans of {@code code} to {@code baseUri}/{@code function}; each attempt gives up after {@code timeout}. */
    public RetryingScanClient(URI baseUri, String function, String code, int threads, Duration timeout) {
        this.endpoint = baseUri.resolve("/" + function);
        this.code = code;
        this.workers = Executors.newFixedThreadPool(threads);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.threads = threads;
    }

    /** Starts every thread; each sends scans from {@code next} until it returns null or the client stops. */
    public void start(Supplier<Scan> next) {
        for (int i = 0; i < threads; i++) {
            running.incrementAndGet();
            workers.execute(() -> {
                try {
                    Scan scan;
                    while (!stopped && (scan = next.get()) != null) {
                        started.incrementAndGet();
                        sendUntilAcknowledged(scan);
                    }
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    private void sendUntilAcknowledged(Scan scan) {
        String token = tokens.computeIfAbsent(scan.subject(), Tokens::citizen);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + code + "\",\"scanId\":\"" + scan.scanId() + "\"}"))
                .build();
        while (!stopped) {
            attempts.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    if (answer.body().contains("\"duplicate\"")) {
                        duplicates.incrementAndGet();
                    }
                    acknowledged.add(scan);
                    return;
                }
                (status == 503 ? unavailable : status == 429 ? tooMany : otherStatus).incrementAndGet();
            } catch (IOException e) {
                ioErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Poll.pause(RETRY_PAUSE);
        }
    }

    /** No new attempts from now on; a scan still being retried stays unacknowledged. */
    public void stop() {
        stopped = true;
    }

    public Set<Scan> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Answers and errors other than an acknowledgement so far. */
    public int failedAttempts() {
        return unavailable.get() + tooMany.get() + otherStatus.get() + ioErrors.get();
    }

    public int otherStatuses() {
        return otherStatus.get();
    }

    public boolean awaitAcknowledged(int count, Duration within) {
        return Poll.until(() -> acknowledged.size() >= count, within);
    }

    public boolean awaitFailedAttempts(int count, Duration within) {
        return Poll.until(() -> failedAttempts() >= count, within);
    }

    /** Waits until every thread has run out of scans (or the client was stopped and its threads returned). */
    public boolean awaitFinished(Duration within) {
        return Poll.until(() -> running.get() == 0, within);
    }


    /** Acknowledgements that said duplicate: the scan had been stored by an attempt whose answer was lost. */
    public int duplicates() {
        return duplicates.get();
    }

    public String summary() {
        int acks = acknowledged.size();
        return String.format("scans started=%d, acknowledged=%d (of which duplicate=%d), attempts=%d (retries=%d), "
                + "503=%d, 429=%d, other status=%d, I/O errors or timeouts=%d", started.get(), acks, duplicates.get(),
                attempts.get(), attempts.get() - started.get(), unavailable.get(), tooMany.get(), otherStatus.get(),
                ioErrors.get());
    }


    @Override
    public void close() {
        stopped = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
