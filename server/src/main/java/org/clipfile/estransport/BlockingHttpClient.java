package org.clipfile.estransport;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TransportHttpClient} that does each exchange on the calling thread (Apache HttpClient 5 classic, pooled
 * connections), instead of handing it to an I/O reactor and back. A node that cannot be connected to is marked
 * dead and the request goes to the next node; so do 502, 503 and 504 answers while another node is left to try,
 * as the Rest5 client does. The answer is read whole and the connection returned to the pool before the client
 * decodes it.
 */
final class BlockingHttpClient implements TransportHttpClient, java.io.Closeable {
    private static final Logger log = LoggerFactory.getLogger(BlockingHttpClient.class);

    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager pool;
    private final Nodes nodes;
    private final String pathPrefix;
    private final Function<URI, @Nullable String> authorization;
    private final long maxResponseSize;
    private final ExecutorService asyncExecutor = Executors.newVirtualThreadPerTaskExecutor();

    BlockingHttpClient(CloseableHttpClient http, PoolingHttpClientConnectionManager pool, Nodes nodes,
            @Nullable String pathPrefix, Function<URI, @Nullable String> authorization, long maxResponseSize) {
        this.http = http;
        this.pool = pool;
        this.nodes = nodes;
        this.pathPrefix = pathPrefix == null ? "" : trimPrefix(pathPrefix);
        this.authorization = authorization;
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public Response performRequest(String endpointId, @Nullable Node node, Request request, TransportOptions options)
            throws IOException {
        List<URI> candidates = node != null ? List.of(node.uri()) : nodes.forRequest();
        IOException failure = null;
        for (int i = 0; i < candidates.size(); i++) {
            URI target = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            try {
                BufferedResponse response = exchange(target, request, options);
                if (!last && isRetryableStatus(response.statusCode())) {
                    log.warn("Elasticsearch node {} answered {}; trying the next node", target, response.statusCode());
                    nodes.markDead(target);
                    continue;
                }
                nodes.markAlive(target);
                return response;
            } catch (IOException e) {
                if (!isConnectFailure(e)) {
                    throw e;
                }
                if (nodes.markDead(target)) {
                    log.warn("Elasticsearch node {} could not be reached ({}); left out for a while", target,
                            e.toString());
                } else {
                    log.debug("Elasticsearch node {} still unreachable: {}", target, e.toString());
                }
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure != null ? failure : new IOException("No Elasticsearch node to send the request to");
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(String endpointId, @Nullable Node node, Request request,
            TransportOptions options) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        asyncExecutor.execute(() -> {
            try {
                future.complete(performRequest(endpointId, node, request, options));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    @Override
    public void close() throws IOException {
        asyncExecutor.shutdown();
        http.close();
    }

    Nodes nodes() {
        return nodes;
    }

    /** Connections currently lent out by the pool (0 between requests: every answer is closed). */
    int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    /** A connection that was never made: the request did not reach the node, so another may take it. */
    static boolean isConnectFailure(IOException e) {
        if (e instanceof ConnectionRequestTimeoutException) {
            return false; // waiting for a pooled connection: the pool is busy, the node is not at fault
        }
        return e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof NoRouteToHostException || e instanceof UnknownHostException;
    }

    static boolean isRetryableStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private BufferedResponse exchange(URI target, Request request, TransportOptions options) throws IOException {
        HttpHost host = new HttpHost(target.getScheme(), target.getHost(), target.getPort());
        var message = new BasicClassicHttpRequest(request.method(), host, pathAndQuery(request));
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        for (Map.Entry<String, String> header : options.headers()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        String credentials = authorization.apply(target);
        if (credentials != null && !message.containsHeader("Authorization")) {
            message.setHeader("Authorization", credentials);
        }
        Iterable<ByteBuffer> body = request.body();
        if (body != null) {
            String contentType = request.headers().get("Content-Type");
            message.setEntity(new BuffersEntity(body, contentType));
        }
        try (ClassicHttpResponse response = http.executeOpen(host, message, null)) {
            HttpEntity entity = response.getEntity();
            byte[] bytes = entity == null ? null : readLimited(entity);
            return new BufferedResponse(new Node(target), response.getCode(), response.getHeaders(), bytes,
                    entity == null ? null : entity.getContentType());
        }
    }

    private byte[] readLimited(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        if (length > maxResponseSize) {
            throw new IOException("Elasticsearch answer of " + length + " bytes is over the limit of "
                    + maxResponseSize);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] bytes = in.readNBytes((int) Math.min(maxResponseSize, Integer.MAX_VALUE - 8));
            if (in.read() != -1) {
                throw new IOException("Elasticsearch answer over the limit of " + maxResponseSize + " bytes");
            }
            return bytes;
        }
    }

    private String pathAndQuery(Request request) {
        StringBuilder uri = new StringBuilder(pathPrefix).append(request.path());
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.queryParams().entrySet()) {
            uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8));
            if (parameter.getValue() != null) {
                uri.append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            }
            separator = '&';
        }
        return uri.toString();
    }

    private static String trimPrefix(String prefix) {
        String trimmed = prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /** The request body as the client serialized it, written without copying into one array. */
    private static final class BuffersEntity extends AbstractHttpEntity {
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private final long length;

        BuffersEntity(Iterable<ByteBuffer> body, @Nullable String contentType) {
            super(contentType == null ? null : ContentType.parse(contentType), null);
            long total = 0;
            for (ByteBuffer buffer : body) {
                buffers.add(buffer);
                total += buffer.remaining();
            }
            this.length = total;
        }

        @Override
        public InputStream getContent() throws IOException {
            var out = new java.io.ByteArrayOutputStream((int) length);
            writeTo(out);
            return new java.io.ByteArrayInputStream(out.toByteArray());
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            for (ByteBuffer buffer : buffers) {
                ByteBuffer view = buffer.duplicate();
                if (view.hasArray()) {
                    out.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
                } else {
                    byte[] chunk = new byte[Math.min(view.remaining(), 8192)];
                    while (view.hasRemaining()) {
                        int n = Math.min(chunk.length, view.remaining());
                        view.get(chunk, 0, n);
                        out.write(chunk, 0, n);
                    }
                }
            }
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {}
    }

    /** An answer read whole; closing it has nothing left to release. */
    private record BufferedResponse(Node node, int statusCode, Header[] headerArray, byte @Nullable [] bytes,
            @Nullable String contentType) implements Response {

        @Override
        public @Nullable String header(String name) {
            for (Header header : headerArray) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        @Override
        public List<String> headers(String name) {
            return Arrays.stream(headerArray).filter(h -> h.getName().equalsIgnoreCase(name)).map(Header::getValue)
                    .toList();
        }

        @Override
        public @Nullable BinaryData body() {
            return bytes == null ? null : BinaryData.of(bytes, contentType != null ? contentType : "application/octet-stream");
        }

        @Override
        public Object originalResponse() {
            return this;
        }

        @Override
        public void close() {}
    }
}
