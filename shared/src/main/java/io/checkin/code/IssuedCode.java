package io.checkin.code;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One venue code as handed to a venue manager; the renderings are present only when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedCode(Direction direction, String token, String url, String svg, String png, String poster) {
}
