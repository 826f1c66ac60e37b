package io.checkin.visit;

import java.util.List;

/** One page of visits, newest first; {@code nextCursor} is absent on the last page. */
public record VisitPage(List<VisitView> visits, String nextCursor) {
}
