package org.clipfile.estransport;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import org.jspecify.annotations.Nullable;

/**
 * The client's transport over {@link BlockingHttpClient}: request serialization, error answers
 * ({@code ElasticsearchException}) and response decoding are the client's own, as with the Rest5 transport.
 */
final class BlockingTransport extends ElasticsearchTransportBase {

    BlockingTransport(BlockingHttpClient http, @Nullable TransportOptions options, JsonpMapper mapper) {
        super(http, options, mapper);
    }

    private BlockingTransport(BlockingHttpClient http, @Nullable TransportOptions options, JsonpMapper mapper,
            @Nullable Instrumentation instrumentation) {
        super(http, options, mapper, instrumentation);
    }

    @Override
    protected ElasticsearchTransportBase cloneWith(@Nullable TransportOptions options, @Nullable JsonpMapper mapper,
            @Nullable Instrumentation instrumentation) {
        return new BlockingTransport((BlockingHttpClient) httpClient, options != null ? options : transportOptions,
                mapper != null ? mapper : this.mapper, instrumentation != null ? instrumentation
                        : this.instrumentation);
    }
}
