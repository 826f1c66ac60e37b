package io.checkin.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Commands of {@code ./local-stack} that do not start the stack:
 * <pre>
 *   ./local-stack tokens ROLE COUNT [PREFIX] [--json]
 *                                              COUNT tokens for subjects PREFIX-0..PREFIX-(COUNT-1), one per
 *                                              line, or as a JSON array (the k6 scripts read either)
 *   ./local-stack count-scans CONNECTION       how many scan events the store at CONNECTION holds
 *   ./local-stack check-scans CONNECTION PREFIX FILE...
 *                                              whether every scanId in the files (one per line, written by
 *                                              k6/bench/scan.lua) is stored for subject PREFIX-(its token line)
 * </pre>
 */
final class LocalTools {

    static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    private LocalTools() {
    }

    static boolean handles(String... args) {
        return args.length > 0 && java.util.Set.of("tokens", "count-scans", "check-scans").contains(args[0]);
    }

    static int run(Path dataDir, PrintStream out, String... args) {
        switch (args[0]) {
            case "tokens" -> {
                if (args.length < 3) {
                    return usage();
                }
                DevTokens tokens = new DevTokens(dataDir.resolve("keys"));
                boolean json = java.util.Arrays.asList(args).contains("--json");
                String prefix = args.length > 3 && !args[3].equals("--json") ? args[3] : args[1];
                int count = Integer.parseInt(args[2]);
                java.util.List<String> minted = new java.util.ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    minted.add(tokens.mint(prefix + "-" + i, args[1], TOKEN_LIFETIME));
                }
                out.print(json ? "[\n\"" + String.join("\",\n\"", minted) + "\"\n]\n" : String.join("\n", minted) + "\n");
                return 0;
            }
            case "count-scans" -> {
                if (args.length < 2) {
                    return usage();
                }
                try (MongoClient client = MongoClients.create(args[1])) {
                    out.println(client.getDatabase("checkin").getCollection("scans").countDocuments(new Document()));
                }
                return 0;
            }
            case "check-scans" -> {
                if (args.length < 4) {
                    return usage();
                }
                return checkScans(args[1], args[2], java.util.Arrays.copyOfRange(args, 3, args.length), out);
            }
            default -> {
                return usage();
            }
        }
    }

    /** Every acknowledged scan must be stored; prints the counts and exits non-zero if any is missing. */
    private static int checkScans(String connection, String prefix, String[] files, PrintStream out) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String file : files) {
            try {
                for (String scanId : java.nio.file.Files.readAllLines(Path.of(file))) {
                    if (!scanId.isBlank()) {
                        String[] groups = scanId.split("-");
                        int who = Integer.parseInt(groups[2].substring(1), 16) * 4096 + Integer.parseInt(groups[3].substring(1), 16);
                        ids.add(io.checkin.scan.ScanIds.of(prefix + "-" + who, scanId));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        // one pass over the stored ids: the embedded store answers an $in on _id by scanning
        java.util.Set<String> stored = new java.util.HashSet<>();
        try (MongoClient client = MongoClients.create(connection)) {
            client.getDatabase("checkin").getCollection("scans").find()
                    .projection(com.mongodb.client.model.Projections.include("_id"))
                    .forEach(doc -> stored.add(doc.getString("_id")));
        }
        long found = ids.stream().filter(stored::contains).count();
        out.println("acknowledged " + ids.size() + ", stored " + found + ", missing " + (ids.size() - found));
        return found == ids.size() ? 0 : 1;
    }

    private static int usage() {
        System.err.println("usage: ./local-stack tokens ROLE COUNT [PREFIX] [--json] | count-scans CONNECTION"
                + " | check-scans CONNECTION PREFIX FILE...");
        return 2;
    }
}
