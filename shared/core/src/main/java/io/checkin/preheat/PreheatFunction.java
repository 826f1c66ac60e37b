package io.checkin.preheat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import io.checkin.auth.Roles;
import io.checkin.error.ProblemException;
import io.quarkus.funqy.Funq;

/**
 * An operator warms the pod that answers now, for deployments that do not warm up at every start
 * (checkin.warmup.at-start=false). Operators only, and one warm-up at a time per pod: nobody else can make a pod
 * spend its CPU on it.
 */
@RolesAllowed(Roles.OPERATOR)
public class PreheatFunction {

    @Inject
    Preheat preheat;

    @Inject
    PreheatConfig config;

    @Funq("preheat")
    public PreheatReport preheat() {
        PreheatReport report = preheat.run(config.budget());
        if (report == null) {
            throw new ProblemException(409, "warm-up-running", "This pod is warming up already");
        }
        return report;
    }
}
