package coopgraph;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs Neo4j Community embedded, reachable only through Bolt on a loopback address, for local
 * development and tests. Started and stopped by src/neo4j/local/local-server.ts; one process
 * owns one data directory.
 *
 * <p>Usage: {@code java -cp 'target/classes:target/lib/*' coopgraph.LocalNeo4j
 * [--host 127.0.0.1] [--port 7687] [--data DIR] [--page-cache 512m]}. Each option falls back to
 * NEO4J_LOCAL_HOST, NEO4J_LOCAL_PORT, NEO4J_LOCAL_DATA, NEO4J_LOCAL_PAGE_CACHE.
 */
public final class LocalNeo4j {
    /** local-server.ts waits for Bolt, but people tailing the log look for this marker. */
    static final String READY_MARKER = "coopgraph-local-neo4j READY";

    static final int EXIT_USAGE = 2;
    static final int EXIT_PORT_IN_USE = 3;
    static final int EXIT_START_FAILED = 1;

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(EXIT_USAGE, e.getMessage());
            return;
        }

        if (!isPortFree(options.host, options.port)) {
            failPortInUse(options);
        }

        DatabaseManagementService service;
        try {
            Files.createDirectories(options.home);
            service = configure(options).build();
        } catch (Exception e) {
            if (causedByBind(e)) {
                failPortInUse(options);
            }
            e.printStackTrace();
            fail(EXIT_START_FAILED, "Neo4j failed to start: " + e);
            return;
        }
        // SIGTERM from local-server.ts must flush and close the store, or the next start runs recovery.
        // A signal that lands during build() above skips this; Neo4j recovers from its log then.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("coopgraph-local-neo4j stopping (shutdown signal received)");
            service.shutdown();
            System.out.println("coopgraph-local-neo4j stopped cleanly");
        }, "coopgraph-neo4j-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(60_000)) {
            fail(EXIT_START_FAILED, "database '" + db.databaseName() + "' did not become available");
        }

        System.out.printf(
                "%s Neo4j %s listening on bolt://%s:%d (home: %s, page cache: %s, auth: disabled)%n",
                READY_MARKER, version(service), options.host, options.port, options.home, options.pageCache);

        options.ownerPid.ifPresent(LocalNeo4j::stopWhenOwnerExits);

        try {
            // Neo4j's own threads keep the JVM alive; this only keeps main from falling through.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DatabaseManagementServiceBuilder configure(Options options) {
        return new DatabaseManagementServiceBuilder(options.home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, options.port))
                // Safe only because the listen address is checked to be loopback; drivers may
                // still send basic credentials, which Neo4j then ignores.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache))
                // No anonymous usage reports to udc.neo4j.com, no driver telemetry collection.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                // Embedded does not start the web server, but say so rather than rely on it.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Netty otherwise idles 5 s after the last connection closed before it lets the
                // JVM stop; locally nothing is gained by waiting, and every stop/reset pays it.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
    }

    private static String version(DatabaseManagementService service) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.executeTransactionally(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
                Map.of(),
                result -> result.hasNext() ? String.valueOf(result.next().get("v")) : "unknown");
    }

    /** Neo4j reports a taken port deep in a lifecycle stack trace; checking first gives a plain answer. */
    private static boolean isPortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("PortBindException")) {
                return true;
            }
        }
        return false;
    }

    private static void failPortInUse(Options options) {
        fail(EXIT_PORT_IN_USE, String.format(
                "port %d on %s is already in use; stop whatever listens there or choose another port "
                        + "(--port / NEO4J_LOCAL_PORT)", options.port, options.host));
    }

    /**
     * The API that started this Neo4j may die without stopping it (SIGKILL, a crash): checks
     * every second that the owner still runs and exits (through the shutdown hook, so the store
     * is closed cleanly) once it does not, so no JVM is left without an owner.
     */
    private static void stopWhenOwnerExits(long ownerPid) {
        Thread watch = new Thread(() -> {
            while (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("coopgraph-local-neo4j stopping (owner process " + ownerPid + " is gone)");
            System.exit(0);
        }, "coopgraph-owner-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void fail(int exitCode, String message) {
        System.err.println("coopgraph-local-neo4j ERROR " + message);
        System.exit(exitCode);
    }

    private static final class Options {
        final String host;
        final int port;
        final Path home;
        final String pageCache;
        /** The process whose exit stops this Neo4j (the API that started it); absent for db:start. */
        final OptionalLong ownerPid;

        private Options(String host, int port, Path home, String pageCache, OptionalLong ownerPid) {
            this.host = host;
            this.port = port;
            this.home = home;
            this.pageCache = pageCache;
            this.ownerPid = ownerPid;
        }

        static Options parse(String[] args) {
            Map<String, String> flags = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'");
                }
                flags.put(name.substring(2), args[++i]);
            }
            for (String name : flags.keySet()) {
                if (!Set.of("host", "port", "data", "page-cache", "owner-pid").contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }

            String host = value(flags, "host", "NEO4J_LOCAL_HOST").orElse("127.0.0.1");
            requireLoopback(host);

            String rawPort = value(flags, "port", "NEO4J_LOCAL_PORT").orElse("7687");
            int port;
            try {
                port = Integer.parseInt(rawPort);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be an integer 1-65535, got '" + rawPort + "'");
            }

            Path home = Path.of(value(flags, "data", "NEO4J_LOCAL_DATA").orElse("data")).toAbsolutePath().normalize();

            String pageCache = value(flags, "page-cache", "NEO4J_LOCAL_PAGE_CACHE").orElse("512m");
            try {
                ByteUnit.parse(pageCache);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("page cache must be a size such as 512m or 1g, got '" + pageCache + "'");
            }
            OptionalLong ownerPid = OptionalLong.empty();
            String rawOwner = flags.get("owner-pid");
            if (rawOwner != null) {
                try {
                    ownerPid = OptionalLong.of(Long.parseLong(rawOwner));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("owner pid must be a process id, got '" + rawOwner + "'");
                }
            }
            return new Options(host, port, home, pageCache, ownerPid);
        }

        private static Optional<String> value(Map<String, String> flags, String flag, String env) {
            String v = flags.get(flag);
            if (v == null) {
                v = System.getenv(env);
            }
            return Optional.ofNullable(v).filter(s -> !s.isBlank());
        }

        /** Authentication is off, so anything but loopback would expose an open database. */
        private static void requireLoopback(String host) {
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException(
                            "host '" + host + "' is not a loopback address; auth is disabled, so only loopback is allowed");
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host '" + host + "'");
            }
        }
    }
}
