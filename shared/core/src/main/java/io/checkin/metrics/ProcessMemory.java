package io.checkin.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The process's memory as the kernel counts it against the pod's limit, beside the JVM's own heap metrics:
 * {@code process_resident_memory_bytes} (VmRSS, Linux only, NaN elsewhere) and {@code process_memory_limit_bytes}
 * (the container's memory limit as the JVM sees it, or the machine's memory without one).
 */
@ApplicationScoped
public class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    void onStart(@Observes StartupEvent event, MeterRegistry metrics) {
        Gauge.builder("process.resident.memory", ProcessMemory::resident).baseUnit("bytes")
                .description("Resident set size of this process (VmRSS)").register(metrics);
        Gauge.builder("process.memory.limit", ProcessMemory::limit).baseUnit("bytes")
                .description("Memory this process may use: the container's limit, or the machine's memory").register(metrics);
    }

    /** VmRSS from /proc/self/status, in bytes; NaN where there is no such file. */
    static double resident() {
        try {
            return Files.readAllLines(STATUS).stream().filter(line -> line.startsWith("VmRSS:"))
                    .mapToDouble(line -> Double.parseDouble(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** What the JVM sees as the memory it may use: a container's limit inside one (JDK 14 and later). */
    static double limit() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }
}
