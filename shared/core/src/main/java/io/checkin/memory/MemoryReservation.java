package io.checkin.memory;

/**
 * What one bounded structure may hold at most, by the setting that bounds it: {@code entries} of at most
 * {@code bytesPerEntry} each (measured by the structure's tests, worst case). Functions produce one per structure;
 * {@link MemoryBudget} adds them up at start.
 */
public record MemoryReservation(String setting, String what, long entries, long bytesPerEntry) {

    public long bytes() {
        return entries * bytesPerEntry;
    }
}
