package io.checkin.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void textIsTrimmedAndCountedInCharactersNotUnits() {
        assertEquals("Café 🍰", Fields.text("  Café 🍰 ", "name", 6));
    }

    @Test
    void eachBadTextNamesTheFieldWithItsOwnCode() {
        assertProblem("missing-field", "name", () -> Fields.text(null, "name", 10));
        assertProblem("blank-field", "name", () -> Fields.text(" \t", "name", 10));
        assertProblem("field-too-long", "name", () -> Fields.text("x".repeat(11), "name", 10));
        assertProblem("invalid-characters", "name", () -> Fields.text("a\u0000b", "name", 10));
        assertProblem("invalid-characters", "name", () -> Fields.text("a\ud800b", "name", 10));
        assertProblem("invalid-characters", "name", () -> Fields.text("a\u202eb", "name", 10));
        assertProblem("invalid-characters", "name", () -> Fields.text("a\u2066b", "name", 10));
    }

    @Test
    void printableUnicodeOfEveryKindIsKept() {
        // an emoji family (joined by U+200D), a combining accent, CJK, right-to-left text with its marks
        String name = "\uD83D\uDC69\u200D\uD83D\uDC67 Cafe\u0301 \u5317\u4EAC \u200F\u05E9\u05DC\u05D5\u05DD";
        assertEquals(name, Fields.text(name, "name", 40));
    }

    @Test
    void listsAreBoundedAndHoldNoNulls() {
        assertProblem("out-of-range", "venues", () -> Fields.list(List.of(), "venues", 1, 2));
        assertProblem("out-of-range", "venues", () -> Fields.list(List.of(1, 2, 3), "venues", 1, 2));
        assertProblem("missing-field", "venues[1]", () -> Fields.list(Arrays.asList(1, null), "venues", 1, 2));
    }

    private static void assertProblem(String code, String field, org.junit.jupiter.api.function.Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(400, e.status());
        assertEquals(code, e.code());
        assertEquals(field, e.field());
    }
}
