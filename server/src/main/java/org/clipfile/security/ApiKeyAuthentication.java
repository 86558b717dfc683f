package org.clipfile.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API key; its name is {@code key:<key name>}. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKeys.StoredKey key;

    ApiKeyAuthentication(ApiKeys.StoredKey key) {
        super(key.role().authorities());
        this.key = key;
        setAuthenticated(true);
    }

    public String keyId() {
        return key.id();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return "key:" + key.name();
    }
}
