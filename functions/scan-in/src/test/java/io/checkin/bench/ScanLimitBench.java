package io.checkin.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

import io.checkin.limit.KeyedRateLimiter;
import io.checkin.scan.ScanIds;
import io.checkin.testing.Throughput;

/**
 * What the per-person scan limit adds to a scan, in-process on one thread: a permit taken and given back for
 * one of 100,000 people (the most an instance keeps count for), next to the SHA-256 scan id every scan already
 * computes. Interleaved rounds in one process, so the ratio holds on a noisy machine.
 * Run: {@code ./mvnw -B -q -pl functions/scan-in exec:java@limit-bench} (after installing the libraries: docs/benchmarks.md).
 */
public final class ScanLimitBench {

    private static final int PEOPLE = 100_000;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String[] people = new String[PEOPLE];
        String[] scanIds = new String[PEOPLE];
        for (int i = 0; i < PEOPLE; i++) {
            people[i] = UUID.randomUUID().toString();
            scanIds[i] = UUID.randomUUID().toString();
        }
        KeyedRateLimiter limiter = new KeyedRateLimiter(20, Duration.ofMinutes(1), PEOPLE, System::nanoTime);

        IntFunction<Object> scanId = i -> ScanIds.of(people[i % PEOPLE], scanIds[(i * 7) % PEOPLE]);
        IntFunction<Object> permit = i -> {
            String person = people[i % PEOPLE];
            Duration wait = limiter.tryAcquire(person);
            limiter.release(person);
            return wait;
        };
        String[] names = { "scan id (SHA-256)", "limit: take + give back" };
        double[] best = Throughput.best(new IntFunction<?>[] { scanId, permit }, seconds, rounds);
        System.out.printf(Locale.ROOT, "%-26s %14s %10s%n", "work per scan", "ops/s", "ns/op");
        for (int v = 0; v < names.length; v++) {
            System.out.printf(Locale.ROOT, "%-26s %14.0f %10.0f%n", names[v], best[v], 1e9 / best[v]);
        }
        System.out.printf(Locale.ROOT, "the limit costs %.2f x a scan id's SHA-256%n", best[0] / best[1]);
    }
}
