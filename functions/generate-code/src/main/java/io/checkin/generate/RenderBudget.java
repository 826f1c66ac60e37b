package io.checkin.generate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.checkin.code.CodeFormat;
import io.checkin.error.ProblemException;
import io.checkin.memory.MemoryReservation;
import io.quarkus.runtime.Startup;

/**
 * Bounds what answers render: each answer reserves room for its images, counted from each format's largest
 * rendering (measured at start by rendering the largest possible venue: longest name and address in a script of
 * three-byte characters), before anything is written. Room is counted in KiB.
 */
@ApplicationScoped
@Startup
public class RenderBudget {

    private static final Logger LOG = Logger.getLogger(RenderBudget.class);

    static final String SETTING = "checkin.generate.render-memory";
    /** Copies of the rendered bytes an answer holds at most: the images, the answer's bytes, the buffer's growth. */
    static final int COPIES = 3;

    private final Map<CodeFormat, Long> largest;
    private final long limitKib;
    private final Semaphore room;
    private final long waitMillis;

    @Inject
    public RenderBudget(CodeIssuer issuer, GenerateConfig config) {
        this(issuer.largestRenderings(), config.renderMemory().asLongValue(), 1000);
        LOG.infof("Largest renderings: %s bytes; room for %d KiB of them at once (%s)", largest, limitKib, SETTING);
    }

    RenderBudget(Map<CodeFormat, Long> largest, long limitBytes, long waitMillis) {
        this.largest = new EnumMap<>(largest);
        this.limitKib = Math.max(1, limitBytes / 1024);
        this.room = new Semaphore((int) Math.min(Integer.MAX_VALUE, limitKib));
        this.waitMillis = waitMillis;
    }

    /** Room held for one answer's images; closing gives it back. */
    public interface Room extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Room for {@code codes} codes rendered in {@code formats}: none needed without formats; a 422 {@code render-limit}
     * naming the setting when one answer could never have it; a 429 {@code overloaded} when other answers hold it.
     */
    public Room reserve(int codes, Set<CodeFormat> formats) {
        long bytes = codes * formats.stream().mapToLong(largest::get).sum();
        if (bytes == 0) {
            return () -> {
            };
        }
        int kib = (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
        if (kib > limitKib) {
            throw new ProblemException(422, "render-limit", String.format(Locale.ROOT,
                    "This answer would carry up to %.1f MiB of images (%d codes as %s); one answer carries at most"
                            + " %.1f MiB (%s). Ask for fewer venues or formats, or for each venue's images with venue-codes",
                    bytes / 1048576.0, codes, formats.stream().map(CodeFormat::json).collect(Collectors.joining(", ")),
                    limitKib / 1024.0, SETTING), "formats", null);
        }
        try {
            if (!room.tryAcquire(kib, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new ProblemException(429, "overloaded", "Other answers are rendering images; retry shortly",
                        null, 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "shutting-down", "The function is stopping; retry", null, 1);
        }
        return () -> room.release(kib);
    }

    @Produces
    @Singleton
    static MemoryReservation renderings(GenerateConfig config) {
        return new MemoryReservation(SETTING, "bytes of images rendered at once", config.renderMemory().asLongValue(),
                COPIES);
    }
}
