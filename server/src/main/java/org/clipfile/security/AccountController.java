package org.clipfile.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage users ({@code /api/users}) and API keys ({@code /api/keys}). */
@RestController
class AccountController {
    record NewUser(@NotBlank(message = "username is required") String username,
            @NotBlank(message = "password is required") @Size(max = 1000) String password,
            @NotBlank(message = "role is required (reader, editor or admin)") String role) {}

    record NewKey(@NotBlank(message = "name is required") @Size(max = 100, message = "name is at most 100 characters")
            String name, @NotNull(message = "role is required (reader, editor or admin)") String role,
            @JsonProperty("expires_at") @Nullable Instant expiresAt) {}

    private final UserAccounts users;
    private final ApiKeys keys;
    private final SecurityProperties properties;

    AccountController(UserAccounts users, ApiKeys keys, SecurityProperties properties) {
        this.users = users;
        this.keys = keys;
        this.properties = properties;
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "The user, created", useReturnTypeSchema = true)
    @PostMapping("/api/users")
    ResponseEntity<?> createUser(@Valid @RequestBody NewUser body, Authentication caller, AuditContext audit)
            throws IOException {
        String username = UserAccounts.normalize(body.username());
        if (!UserAccounts.USERNAME.matcher(username).matches()) {
            return invalid("username must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)");
        }
        Optional<Role> role = Role.parse(body.role());
        if (role.isEmpty()) {
            return invalid("role must be reader, editor or admin, not '" + body.role() + "'");
        }
        if (body.password().length() < properties.minPasswordLength()) {
            return invalid("password must have at least " + properties.minPasswordLength() + " characters");
        }
        if (UserAccounts.passwordTooLong(body.password())) {
            return invalid("password must be at most " + UserAccounts.MAX_PASSWORD_BYTES + " bytes in UTF-8 (the "
                    + "limit of bcrypt, which stores it)");
        }
        audit.target(username);
        audit.detail("role " + role.get());
        var created = users.create(username, body.password(), role.get(), caller.getName());
        if (created.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.problem(HttpStatus.CONFLICT,
                    "user-exists", "User exists", "A user named " + username + " exists already"));
        }
        return ResponseEntity.created(URI.create("/api/users/" + username)).body(created.get());
    }

    @GetMapping("/api/users")
    List<UserAccounts.UserView> users() throws IOException {
        return users.list();
    }

    @DeleteMapping("/api/users/{username}")
    ResponseEntity<?> deleteUser(@PathVariable String username, AuditContext audit) throws IOException {
        audit.target(username);
        if (!UserAccounts.USERNAME.matcher(UserAccounts.normalize(username)).matches()) {
            return notFound("No user named " + username);
        }
        var user = users.find(username);
        if (user.isEmpty()) {
            return notFound("No user named " + username);
        }
        if (user.get().role() == Role.admin && users.countAdmins() <= 1) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.problem(HttpStatus.CONFLICT,
                    "last-admin", "Last administrator", "This is the last administrator; create another first"));
        }
        if (!users.delete(username)) {
            return notFound("No user named " + username);
        }
        int revoked = keys.revokeCreatedBy(user.get().username());
        audit.detail("revoked " + revoked + " API key(s) the user made");
        return ResponseEntity.noContent().build();
    }

    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201",
            description = "The API key, issued (its secret shown only in this answer)", useReturnTypeSchema = true)
    @PostMapping("/api/keys")
    ResponseEntity<?> createKey(@Valid @RequestBody NewKey body, Authentication caller, AuditContext audit)
            throws IOException {
        Optional<Role> role = Role.parse(body.role());
        if (role.isEmpty()) {
            return invalid("role must be reader, editor or admin, not '" + body.role() + "'");
        }
        if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
            return invalid("expires_at must lie in the future");
        }
        ApiKeys.IssuedKey issued = keys.create(body.name().strip(), role.get(), caller.getName(), body.expiresAt());
        audit.target(issued.id());
        audit.detail("name " + issued.name() + ", role " + issued.role());
        return ResponseEntity.created(URI.create("/api/keys/" + issued.id())).body(issued);
    }

    @GetMapping("/api/keys")
    List<ApiKeys.StoredKey> keys() throws IOException {
        return keys.list();
    }

    @DeleteMapping("/api/keys/{id}")
    ResponseEntity<?> deleteKey(@PathVariable String id, AuditContext audit) throws IOException {
        audit.target(id);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            return notFound("No API key with id " + id);
        }
        return keys.delete(id).isPresent() ? ResponseEntity.noContent().build() : notFound("No API key with id " + id);
    }

    private static ResponseEntity<?> invalid(String detail) {
        return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", detail));
    }

    private static ResponseEntity<?> notFound(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND, "not-found",
                "Not found", detail));
    }
}
