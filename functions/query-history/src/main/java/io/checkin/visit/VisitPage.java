package io.checkin.visit;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of visits, newest first; {@code nextCursor} is absent on the last page. */
@RegisterForReflection
public record VisitPage(List<VisitView> visits, String nextCursor) {
}
