package org.clipfile.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clipfile.localnode.ElasticsearchReadiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class IndexBootstrapTests {
    @Test
    @SuppressWarnings("unchecked")
    void shouldNotCallAListenerAgainWhenALaterOneFailsAndIsRetried() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        IndexReadyListener startsAThread = index -> first.incrementAndGet();
        IndexReadyListener failsOnce = index -> {
            if (second.incrementAndGet() == 1) {
                throw new IllegalStateException("Elasticsearch is not ready yet");
            }
        };
        IndexBootstrap bootstrap = new IndexBootstrap(mock(ArticleIndex.class),
                mock(ObjectProvider.class), List.of(startsAThread, failsOnce));

        bootstrap.prepare();

        assertThat(second).hasValue(2);
        assertThat(first).hasValue(1);
    }
}
