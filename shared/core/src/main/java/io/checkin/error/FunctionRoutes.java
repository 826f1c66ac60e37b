package io.checkin.error;

import io.quarkus.funqy.runtime.FunctionInvoker;
import io.quarkus.funqy.runtime.FunctionRecorder;

/** Which Funqy function a request path names, if any: {@code /scan-in} names scan-in. */
final class FunctionRoutes {

    private FunctionRoutes() {
    }

    /** The function at the path, or null for any other path (health, metrics, an unknown name). */
    static FunctionInvoker at(String path) {
        if (FunctionRecorder.registry == null || path == null) {
            return null;
        }
        return FunctionRecorder.registry.matchInvoker(path.startsWith("/") ? path.substring(1) : path);
    }
}
