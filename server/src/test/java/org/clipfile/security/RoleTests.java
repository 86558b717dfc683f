package org.clipfile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

class RoleTests {
    @Test
    void shouldIncludeTheAuthoritiesOfLowerRoles() {
        assertThat(Role.reader.authorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_reader");
        assertThat(Role.admin.authorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_reader", "ROLE_editor", "ROLE_admin");
    }

    @Test
    void shouldReadTheHighestRoleOfAnAuthentication() {
        var editor = UsernamePasswordAuthenticationToken.authenticated("e", null, Role.editor.authorities());
        assertThat(Role.of(editor)).contains(Role.editor);
        assertThat(Role.parse(" Admin ")).contains(Role.admin);
        assertThat(Role.parse("root")).isEmpty();
    }

    @Test
    void shouldHashKeysWithSha256() {
        assertThat(ApiKeys.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldRequireCsrfTokenOnlyForChangesThatCouldRideOnABrowserSession() {
        MockHttpServletRequest anonymousPost = new MockHttpServletRequest("POST", "/api/articles");
        assertThat(SecurityConfiguration.needsCsrfToken(anonymousPost)).isFalse();

        MockHttpServletRequest sessionPost = new MockHttpServletRequest("POST", "/api/articles");
        sessionPost.setRequestedSessionId("abc");
        assertThat(SecurityConfiguration.needsCsrfToken(sessionPost)).isTrue();

        assertThat(SecurityConfiguration.needsCsrfToken(new MockHttpServletRequest("POST", "/api/session"))).isTrue();

        MockHttpServletRequest sessionGet = new MockHttpServletRequest("GET", "/api/search");
        sessionGet.setRequestedSessionId("abc");
        assertThat(SecurityConfiguration.needsCsrfToken(sessionGet)).isFalse();
    }

    @Test
    void shouldCacheHitsAndMissesUntilTheyExpire() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        ExpiringCache.Loader<String, String> loader = key -> {
            loads.incrementAndGet();
            return key.equals("known") ? Optional.of("value") : Optional.empty();
        };

        assertThat(cache.get("known", loader)).contains("value");
        assertThat(cache.get("known", loader)).contains("value");
        assertThat(cache.get("unknown", loader)).isEmpty();
        assertThat(cache.get("unknown", loader)).isEmpty();
        assertThat(loads).hasValue(2);

        cache.evict("known");
        cache.get("known", loader);
        assertThat(loads).hasValue(3);

        ExpiringCache<String, String> noCache = new ExpiringCache<>(Duration.ZERO, 10);
        noCache.get("known", loader);
        noCache.get("known", loader);
        assertThat(loads).hasValue(5);
    }

    @Test
    void shouldReadAgainOnceTheTimeToLiveHasPassed() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(30), 10, nanos::get);
        ExpiringCache.Loader<String, String> loader = key -> {
            loads.incrementAndGet();
            return Optional.of("value");
        };

        cache.get("known", loader);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        cache.get("known", loader);
        assertThat(loads).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get("known", loader);
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldNotCacheAFailedLookupAndStayWithinItsBound() throws Exception {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
        assertThatThrownBy(() -> cache.get("down", key -> {
            throw new java.io.IOException("unreachable");
        })).isInstanceOf(java.io.IOException.class).hasMessage("unreachable");
        assertThat(cache.size()).isZero();

        for (int i = 0; i < 1_000; i++) {
            cache.get("key" + i, key -> Optional.of(key));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
