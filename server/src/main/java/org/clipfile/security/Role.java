package org.clipfile.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The three roles, each including the ones before it: a reader searches and reads, an editor also ingests and
 * edits entity aliases, an admin also manages users and keys and reads the audit.
 */
public enum Role {
    reader,
    editor,
    admin;

    /** This role's authority and those of the roles it includes ({@code ROLE_reader}, ...). */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    public static Optional<Role> parse(String value) {
        try {
            return Optional.of(valueOf(value.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The highest role an authentication carries, if any. */
    public static Optional<Role> of(Authentication authentication) {
        Role best = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Optional<Role> role = parse(name.substring(5));
                if (role.isPresent() && (best == null || role.get().ordinal() > best.ordinal())) {
                    best = role.get();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
