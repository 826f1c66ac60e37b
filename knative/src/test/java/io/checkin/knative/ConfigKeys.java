package io.checkin.knative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import io.checkin.auth.IssuerCheck;
import io.checkin.code.CodeConfig;
import io.checkin.page.PageConfig;
import io.checkin.preheat.PreheatConfig;
import io.checkin.scan.ScanConfig;
import io.checkin.store.ScanClock;
import io.checkin.store.StoreConfig;
import io.checkin.store.StoreConnectionCheck;
import io.checkin.visit.HistoryConfig;
import io.checkin.visit.VisitConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The configuration keys the code reads, and the environment variable names that set them. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static Set<String> all() {
        Set<String> keys = new HashSet<>();
        for (Class<?> mapping : new Class<?>[] { CodeConfig.class, StoreConfig.class, ScanConfig.class,
                ScanClock.class, VisitConfig.class, HistoryConfig.class, PageConfig.class,
                PreheatConfig.class }) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        }
        keys.add(StoreConnectionCheck.CONNECTION_STRING);
        keys.add(IssuerCheck.ISSUER);
        keys.addAll(sharedDefaults().stringPropertyNames());
        return keys;
    }

    /**
     * The defaults every function shares (shared/core/src/main/resources/META-INF/microprofile-config.properties),
     * read from core's own jar: each function's jar has a file of that name too.
     */
    static Properties sharedDefaults() {
        java.net.URL core = StoreConfig.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.net.URLClassLoader only = new java.net.URLClassLoader(new java.net.URL[] { core }, null);
                InputStream in = only.getResourceAsStream("META-INF/microprofile-config.properties")) {
            Properties shared = new Properties();
            shared.load(in);
            return shared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How an environment variable names a key: upper case, every other character an underscore. */
    static String env(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static void collect(String prefix, Class<?> mapping, Set<String> keys) {
        for (Method method : mapping.getDeclaredMethods()) {
            if (method.isDefault() || method.getParameterCount() > 0 || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName named = method.getAnnotation(WithName.class);
            String key = prefix + "." + (named != null ? named.value() : kebab(method.getName()));
            if (method.getReturnType().isInterface() && method.getReturnType().getEnclosingClass() == mapping) {
                collect(key, method.getReturnType(), keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
