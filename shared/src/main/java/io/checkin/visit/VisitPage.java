package io.checkin.visit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One page of visits, newest first; {@code nextCursor} is absent on the last page. */
@RegisterForReflection
public record VisitPage(List<VisitView> visits, String nextCursor) {
}
