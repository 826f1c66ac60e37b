package io.checkin.generate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.checkin.code.CodeFormat;

/** Which renderings to return: what the client listed, or the function's default when it listed nothing. */
final class FormatSelection {

    static final Set<CodeFormat> ALL = EnumSet.allOf(CodeFormat.class);
    static final Set<CodeFormat> NONE = EnumSet.noneOf(CodeFormat.class);

    private FormatSelection() {
    }

    static Set<CodeFormat> of(List<CodeFormat> requested, Set<CodeFormat> fallback) {
        if (requested == null) {
            return fallback;
        }
        Set<CodeFormat> formats = EnumSet.noneOf(CodeFormat.class);
        for (int i = 0; i < requested.size(); i++) {
            formats.add(io.checkin.error.Fields.required(requested.get(i), "formats[" + i + "]"));
        }
        return formats;
    }
}
