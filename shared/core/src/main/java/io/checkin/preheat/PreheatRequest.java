package io.checkin.preheat;

/** One request of the warm-up: a function's path, the throwaway bearer token and the JSON body. */
public record PreheatRequest(String path, String token, String body) {
}
