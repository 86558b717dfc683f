package org.clipfile.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the user and key indices, and the first administrator when there is none: with the password from
 * {@code clipfile.security.bootstrap-admin-password}, or a generated one written to the log this once (only its
 * hash is kept). There is no default password. When several instances start at once only one creates the admin.
 */
@Component
class SecurityBootstrap implements IndexReadyListener {
    private static final Logger log = LoggerFactory.getLogger(SecurityBootstrap.class);
    static final String ADMIN = "admin";

    private final UserAccounts users;
    private final ApiKeys keys;
    private final SecurityProperties properties;

    SecurityBootstrap(UserAccounts users, ApiKeys keys, SecurityProperties properties) {
        this.users = users;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void indexReady(ArticleIndex index) throws IOException {
        users.ensureExists();
        keys.ensureExists();
        if (users.countAdmins() > 0) {
            return;
        }
        String configured = properties.bootstrapAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        if (UserAccounts.passwordTooLong(password)) {
            log.error("The bootstrap administrator password is longer than {} bytes (bcrypt's limit); no "
                    + "administrator was created", UserAccounts.MAX_PASSWORD_BYTES);
            return;
        }
        if (users.create(ADMIN, password, Role.admin, "bootstrap").isEmpty()) {
            log.warn("No administrator exists, but a user named '{}' does (not an admin); create an admin with "
                    + "an admin API key or fix the user in the {} index", ADMIN, users.alias());
            return;
        }
        if (generated) {
            log.warn("""

                    ============================================================================
                    Clipfile created the first administrator.
                      user:     {}
                      password: {}
                    This password is shown only this once; only its hash is stored. Log in and
                    create users and API keys (see README, "Access control and audit").
                    ============================================================================""",
                    ADMIN, password);
        } else {
            log.info("Created the first administrator '{}' with the configured bootstrap password", ADMIN);
        }
    }

    static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
