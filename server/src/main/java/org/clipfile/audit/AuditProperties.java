package org.clipfile.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long audit events are kept at least; whole months are dropped once their last day is
 *     older than this (so an event lives between the retention and the retention plus a month)
 * @param queueCapacity events waiting to be written; what happens when it is full is in {@link AuditLog}
 * @param batchSize events per bulk request
 * @param flushInterval the longest an event waits in the queue before it is written
 * @param changeWait how long a change (ingest, user or key change, login) waits for room in a full queue
 * @param spoolDir where events wait on disk while Elasticsearch cannot take them (see {@link AuditSpool})
 * @param spoolMaxSize the most they may take there; beyond it events are dropped and counted
 */
@Validated
@ConfigurationProperties("clipfile.audit")
public record AuditProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("10000") @Min(10) int queueCapacity,
        @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
        @DefaultValue("1s") Duration flushInterval,
        @DefaultValue("2s") Duration changeWait,
        @DefaultValue("data/audit-spool") Path spoolDir,
        @DefaultValue("256MB") DataSize spoolMaxSize) {}
