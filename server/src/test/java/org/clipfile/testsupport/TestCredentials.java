package org.clipfile.testsupport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.clipfile.security.ApiKeys;
import org.clipfile.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * API keys for tests: every server started in the test JVM (by {@link ClipfileIntegrationTest} or by a test's own
 * {@code SpringApplicationBuilder}) is noted with its port, and the first call as a role makes a real key of that
 * role through the server's own {@link ApiKeys} (stored hashed in its Elasticsearch, like any key). Registered in
 * the test {@code META-INF/spring.factories}.
 */
public final class TestCredentials implements ApplicationListener<ApplicationEvent> {
    private static final Map<Integer, Server> SERVERS = new ConcurrentHashMap<>();

    private static final class Server {
        final ApplicationContext context;
        final Map<Role, String> keys = new EnumMap<>(Role.class);

        Server(ApplicationContext context) {
            this.context = context;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof WebServerInitializedEvent started) {
            SERVERS.put(started.getWebServer().getPort(), new Server(started.getApplicationContext()));
        } else if (event instanceof ContextClosedEvent closed) {
            SERVERS.values().removeIf(server -> server.context == closed.getApplicationContext());
        }
    }

    /**
     * A key of {@code role} for the server on {@code port}; null when no such server runs in this JVM or its
     * Elasticsearch cannot store a key yet (the call then goes out without one, and a later call tries again).
     */
    public static @Nullable String key(int port, Role role) {
        Server server = SERVERS.get(port);
        if (server == null) {
            return null;
        }
        synchronized (server) {
            String key = server.keys.get(role);
            if (key == null) {
                try {
                    key = server.context.getBean(ApiKeys.class).create("test-" + role, role, "tests").key();
                    server.keys.put(role, key);
                } catch (Exception e) {
                    return null;
                }
            }
            return key;
        }
    }

    /**
     * A key of {@code role} stored straight into the key index of {@code alias}, for a server that runs in another
     * process (see {@link ServerProcess}) and so cannot be asked through its beans.
     */
    public static String keyIn(co.elastic.clients.elasticsearch.ElasticsearchClient client, String alias, Role role)
            throws java.io.IOException {
        var properties = new org.clipfile.security.SecurityProperties(null, 4, java.time.Duration.ZERO, 12);
        return new ApiKeys(new org.clipfile.sysindex.SystemIndices(client, new org.clipfile.index.IndexProperties(alias)),
                properties)
                .create("test-" + role, role, "tests").key();
    }

    /** The server's application context, for tests that need its beans. */
    public static @Nullable ApplicationContext context(int port) {
        Server server = SERVERS.get(port);
        return server == null ? null : server.context;
    }
}
