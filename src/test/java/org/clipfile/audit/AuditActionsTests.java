package org.clipfile.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditActionsTests {
    @Test
    void shouldNameActionsAfterTheirRoute() {
        assertThat(AuditRecorder.action("GET", "/api/search", 200)).isEqualTo("search");
        assertThat(AuditRecorder.action("GET", "/api/articles/{id}", 404)).isEqualTo("article.view");
        assertThat(AuditRecorder.action("POST", "/api/articles", 201)).isEqualTo("article.ingest");
        assertThat(AuditRecorder.action("PUT", "/api/entities/{id}", 200)).isEqualTo("entity.edit");
        assertThat(AuditRecorder.action("GET", "/api/entities/{id}", 200)).isEqualTo("entity.view");
        assertThat(AuditRecorder.action("DELETE", "/api/keys/{id}", 204)).isEqualTo("key.delete");
        assertThat(AuditRecorder.action("PATCH", "/api/other", 200)).isEqualTo("PATCH /api/other");
    }

    @Test
    void shouldTellSuccessfulFromFailedLoginsAndSkipSessionChecks() {
        assertThat(AuditRecorder.action("POST", "/api/session", 200)).isEqualTo("login");
        assertThat(AuditRecorder.action("POST", "/api/session", 401)).isEqualTo("login.failed");
        assertThat(AuditRecorder.action("DELETE", "/api/session", 204)).isEqualTo("logout");
        assertThat(AuditRecorder.action("GET", "/api/session", 200)).isNull();
        assertThat(AuditRecorder.action("GET", null, 404)).isNull();
    }
}
