package org.clipfile.estransport;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which transport the Elasticsearch client uses, and the blocking one's own settings. Addresses, credentials, TLS
 * and the connection and socket timeouts stay Spring Boot's {@code spring.elasticsearch.*}.
 *
 * @param kind {@code rest5} (Spring Boot's auto-configured Rest5 client, the default) or {@code blocking} (this
 *     package: lower latency, but a read already sent to a node that dies is not yet retried on another, see
 *     {@link TransportConfiguration})
 * @param maxConnectionsPerNode pooled connections to one node; a blocking request holds one for its whole
 *     exchange, so this bounds the requests in flight to a node
 * @param maxConnections pooled connections to all nodes together
 * @param deadNodeRetry how long a node that could not be reached is left out before it is tried again; doubled on
 *     each further failure, up to {@code deadNodeMaxRetry}
 * @param deadNodeMaxRetry the longest a failing node is left out
 * @param idleConnectionTimeout an idle pooled connection is closed after this long
 * @param maxResponseSize a larger answer is refused (an I/O error) rather than buffered
 */
@Validated
@ConfigurationProperties("clipfile.elasticsearch.transport")
public record TransportProperties(
        @DefaultValue("rest5") Kind kind,
        @DefaultValue("32") @Min(1) @Max(1024) int maxConnectionsPerNode,
        @DefaultValue("64") @Min(1) @Max(4096) int maxConnections,
        @DefaultValue("60s") Duration deadNodeRetry,
        @DefaultValue("30m") Duration deadNodeMaxRetry,
        @DefaultValue("60s") Duration idleConnectionTimeout,
        @DefaultValue("104857600") @Min(1024) long maxResponseSize) {

    /** The transport to use. */
    public enum Kind {
        BLOCKING, REST5
    }
}
