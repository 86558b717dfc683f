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
    void shouldNameSavedSearchCollectionAndBatchActions() {
        assertThat(AuditRecorder.action("POST", "/api/saved-searches", 201)).isEqualTo("saved-search.create");
        assertThat(AuditRecorder.action("GET", "/api/saved-searches/{id}/feed", 200)).isEqualTo("saved-search.feed");
        assertThat(AuditRecorder.action("DELETE", "/api/saved-searches/{id}/feed-token", 204))
                .isEqualTo("saved-search.token-revoke");
        assertThat(AuditRecorder.action("PUT", "/api/collections/{id}/articles/{articleId}", 200))
                .isEqualTo("collection.article-note");
        assertThat(AuditRecorder.action("GET", "/api/collections", 200)).isEqualTo("collection.list");
        assertThat(AuditRecorder.action("GET", "/api/batch-searches/{id}", 200)).isEqualTo("batch-search.view");
    }

    @Test
    void shouldNameLabelActions() {
        assertThat(AuditRecorder.action("PUT", "/api/articles/{id}/labels/{label}", 200)).isEqualTo("article.label");
        assertThat(AuditRecorder.action("DELETE", "/api/articles/{id}/labels/{label}", 200))
                .isEqualTo("article.unlabel");
    }

    @Test
    void shouldNameCurationActions() {
        assertThat(AuditRecorder.action("POST", "/api/curation/edits", 201)).isEqualTo("curation.edit");
        assertThat(AuditRecorder.action("DELETE", "/api/curation/edits/{id}", 200)).isEqualTo("curation.undo");
        assertThat(AuditRecorder.action("POST", "/api/curation/reindex", 202)).isEqualTo("curation.reindex");
        assertThat(AuditRecorder.action("GET", "/api/curation/reindex", 200)).isEqualTo("curation.progress");
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
