package org.clipfile.security;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clipfile.sysindex.SystemIndex;
import org.clipfile.sysindex.SystemIndices;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The people who log in, kept in Elasticsearch ({@code <alias>-users}, document id = user name) so that every
 * server instance knows them. Only a bcrypt hash of each password is stored.
 */
@Component
public class UserAccounts implements UserDetailsService {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    /** A user as stored; {@code passwordHash} never leaves the server. */
    record StoredUser(
            String username,
            Role role,
            @JsonProperty("password_hash") String passwordHash,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("created_by") String createdBy) {}

    /** A user as the admin API shows it. */
    public record UserView(String username, Role role, @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("created_by") String createdBy) {
        static UserView of(StoredUser user) {
            return new UserView(user.username(), user.role(), user.createdAt(), user.createdBy());
        }
    }

    private final SystemIndex<StoredUser> users;
    private final PasswordEncoder encoder;
    private final ExpiringCache<String, StoredUser> cache;

    UserAccounts(SystemIndices indices, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = indices.define("users", "users.json", StoredUser.class);
        this.encoder = encoder;
        this.cache = new ExpiringCache<>(properties.cacheTtl(), 10_000);
    }

    String alias() {
        return users.alias();
    }

    void ensureExists() throws IOException {
        users.ensureExistsOnce();
    }

    /** bcrypt reads at most 72 bytes of a password; Spring refuses longer ones rather than cut them silently. */
    static final int MAX_PASSWORD_BYTES = 72;

    static boolean passwordTooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /** Creates the user unless one with that name exists (empty then); safe when several instances race. */
    Optional<UserView> create(String username, String password, Role role, String createdBy) throws IOException {
        ensureExists();
        StoredUser user = new StoredUser(normalize(username), role, encoder.encode(password), Instant.now(),
                createdBy);
        if (users.create(user.username(), user, Refresh.WaitFor).isEmpty()) {
            return Optional.empty();
        }
        cache.evict(user.username());
        return Optional.of(UserView.of(user));
    }

    Optional<StoredUser> find(String username) throws IOException {
        return cache.get(normalize(username), this::read);
    }

    private Optional<StoredUser> read(String username) throws IOException {
        return SystemIndex.unlessMissing(() -> users.get(username), Optional.empty());
    }

    List<UserView> list() throws IOException {
        return SystemIndex.unlessMissing(() -> users.find(s -> s.size(1000)
                        .sort(o -> o.field(f -> f.field("username").order(SortOrder.Asc))))
                .stream().map(UserView::of).toList(), List.of());
    }

    long countAdmins() throws IOException {
        return SystemIndex.unlessMissing(() -> users.count(q -> q.term(t -> t.field("role")
                .value(Role.admin.name()))), 0L);
    }

    boolean delete(String username) throws IOException {
        String name = normalize(username);
        boolean deleted = users.delete(name, Refresh.WaitFor);
        cache.evict(name);
        return deleted;
    }

    /** For password logins: Spring Security checks the password against this hash. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        StoredUser user;
        try {
            user = find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        } catch (IOException e) {
            throw new InternalAuthenticationServiceException("The user store is unreachable",
                    new UncheckedIOException(e));
        }
        return User.withUsername(user.username()).password(user.passwordHash()).authorities(user.role().authorities())
                .build();
    }
}
