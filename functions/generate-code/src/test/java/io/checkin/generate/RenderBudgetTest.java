package io.checkin.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.checkin.code.CodeFormat;
import io.checkin.error.ProblemException;

/** What answers render together is bounded: one answer by the whole room, answers at once by what is left of it. */
class RenderBudgetTest {

    static final Map<CodeFormat, Long> LARGEST = Map.of(CodeFormat.SVG, 20_000L, CodeFormat.PNG, 5_000L,
            CodeFormat.POSTER, 25_000L);
    static final Set<CodeFormat> ALL = EnumSet.allOf(CodeFormat.class);

    @Test
    void codesWithoutImagesNeedNoRoom() {
        RenderBudget budget = new RenderBudget(LARGEST, 1024, 0);
        budget.reserve(2000, EnumSet.noneOf(CodeFormat.class)).close();
    }

    @Test
    void anAnswerLargerThanTheWholeRoomIsRefusedNamingTheSetting() {
        RenderBudget budget = new RenderBudget(LARGEST, 1_000_000, 0);
        ProblemException e = assertThrows(ProblemException.class, () -> budget.reserve(20, ALL));
        assertEquals(422, e.status());
        assertEquals("render-limit", e.code());
        assertEquals("formats", e.field());
        assertTrue(e.getMessage().contains("1.0 MiB of images (20 codes as svg, png, poster)")
                && e.getMessage().contains(RenderBudget.SETTING), e.getMessage());
        budget.reserve(20, EnumSet.of(CodeFormat.PNG)).close();
    }

    @Test
    void answersThatTogetherExceedTheRoomWaitThenAreToldToRetry() {
        RenderBudget budget = new RenderBudget(LARGEST, 1_000_000, 50);
        RenderBudget.Room first = budget.reserve(16, ALL);
        ProblemException e = assertThrows(ProblemException.class, () -> budget.reserve(16, ALL));
        assertEquals(429, e.status());
        assertEquals("overloaded", e.code());
        assertEquals(1, e.retryAfterSeconds());
        first.close();
        budget.reserve(16, ALL).close();
    }
}
