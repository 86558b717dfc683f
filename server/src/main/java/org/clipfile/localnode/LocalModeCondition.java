package org.clipfile.localnode;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Local mode: {@code spring.elasticsearch.uris} is absent and the local node is not switched off. */
public class LocalModeCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isLocalMode(context.getEnvironment());
    }

    static boolean isLocalMode(Environment environment) {
        return !environment.containsProperty("spring.elasticsearch.uris")
                && environment.getProperty("clipfile.local-node.enabled", Boolean.class, true);
    }
}
