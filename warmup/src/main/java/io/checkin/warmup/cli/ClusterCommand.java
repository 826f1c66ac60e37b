package io.checkin.warmup.cli;

import jakarta.inject.Inject;

import io.checkin.warmup.knative.Prewarmer;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;

/** What the commands that talk to the cluster share: the client (kubeconfig or in-cluster) and namespace. */
abstract class ClusterCommand {

    @Inject
    KubernetesClient kubernetes;

    @Option(names = { "-n", "--namespace" }, description = "Namespace of the functions (default: the client's).")
    String namespace;

    @Option(names = "--template", description = "Patch the Service template (a new revision): Knative older than 1.21.")
    boolean viaTemplate;

    KnativeClient knative() {
        return kubernetes.adapt(KnativeClient.class);
    }

    String namespace() {
        return namespace != null ? namespace : kubernetes.getNamespace();
    }

    Prewarmer prewarmer() {
        return new Prewarmer(knative(), namespace());
    }
}
