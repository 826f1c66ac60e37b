package io.checkin.warmup.schedule;

import java.util.List;

/** A schedule that cannot be used, with every problem found and the line it is on. */
public class ScheduleException extends RuntimeException {

    private final List<String> problems;

    public ScheduleException(String source, List<String> problems) {
        super("Invalid schedule " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
