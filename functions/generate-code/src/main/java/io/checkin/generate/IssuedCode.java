package io.checkin.generate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.checkin.code.Direction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One venue code as handed to a venue manager; the renderings are present only when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record IssuedCode(Direction direction, String token, String url, String svg, String png, String poster) {
}
