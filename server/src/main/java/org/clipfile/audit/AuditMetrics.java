package org.clipfile.audit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The audit queue's depth and the events it had to drop, for the metrics endpoint. */
@Component
class AuditMetrics implements MeterBinder {
    private final AuditLog log;

    AuditMetrics(AuditLog log) {
        this.log = log;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("clipfile.audit.queue", log, AuditLog::queued)
                .description("Audit events waiting to be written to Elasticsearch").register(registry);
        FunctionCounter.builder("clipfile.audit.dropped", log, AuditLog::droppedSinceStart)
                .description("Audit events dropped because the queue was full (each gap is also in the audit)")
                .register(registry);
    }
}
