package io.checkin.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.checkin.batch.ItemOutcome;

class ScanTimeoutTest {

    @Test
    void aWriteInTimeIsAnsweredWithItsOwnOutcome() throws Exception {
        CompletableFuture<ItemOutcome> written = new CompletableFuture<>();
        CompletableFuture<ItemOutcome> answer = ScanService.within(written, Duration.ofSeconds(5));
        written.complete(ItemOutcome.DUPLICATE);
        assertSame(ItemOutcome.DUPLICATE, answer.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aWriteThatTakesLongerIsAnsweredAsFailedAndGoesOnToItsOwnOutcome() throws Exception {
        CompletableFuture<ItemOutcome> written = new CompletableFuture<>();
        CompletableFuture<ItemOutcome> answer = ScanService.within(written, Duration.ofMillis(50));
        ItemOutcome answered = answer.get(5, TimeUnit.SECONDS);
        ItemOutcome.Failed failed = assertInstanceOf(ItemOutcome.Failed.class, answered);
        assertInstanceOf(TimeoutException.class, failed.cause());
        assertFalse(written.isDone(), "the write is not given up by the answer's timeout");
        written.complete(ItemOutcome.WRITTEN);
        assertSame(ItemOutcome.WRITTEN, written.get());
        assertSame(answered, answer.get(), "the answer given stays the answer");
    }
}
