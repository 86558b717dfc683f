package org.clipfile.batch;

import java.io.IOException;
import org.springframework.context.ApplicationContext;

/** Makes the batch indices of a running test server, for tests in other packages. */
public final class BatchStoreAccess {
    private BatchStoreAccess() {}

    public static void ensureExists(ApplicationContext context) throws IOException {
        context.getBean(BatchStore.class).ensureExists();
    }
}
