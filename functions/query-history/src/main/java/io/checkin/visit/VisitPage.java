package io.checkin.visit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of visits, newest first; {@code nextCursor} is absent on the last page. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitPage(List<VisitView> visits, String nextCursor) {
}
