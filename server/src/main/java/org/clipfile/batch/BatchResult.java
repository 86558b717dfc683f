package org.clipfile.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One name of a batch and what the archive holds on it; {@code done} false until it has been searched. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchResult(
        @JsonProperty("job_id") String jobId,
        int position,
        String name,
        boolean done,
        long count,
        List<Entity> entities,
        @JsonProperty("top_articles") List<TopArticle> topArticles,
        @Nullable String error) {

    /** A canonical person or group the name stands for, with the articles (of those found) naming it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entity(String id, @Nullable String name, long articles) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TopArticle(String id, @Nullable String title, @Nullable String published) {}

    static BatchResult pending(String jobId, int position, String name) {
        return new BatchResult(jobId, position, name, false, 0, List.of(), List.of(), null);
    }
}
