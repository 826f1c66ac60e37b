package io.checkin.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.checkin.code.CodeBeans;
import io.checkin.code.CodeConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * A scan function refuses to start without usable code verification keys: started with the template's placeholder
 * set it would turn ready and refuse every real poster's code as unknown (docs/operations.md).
 */
@ApplicationScoped
public class CodeKeysCheck {

    void onStart(@Observes StartupEvent event, CodeConfig config) {
        CodeBeans.keys(config.verificationKeysLocation());
    }
}
