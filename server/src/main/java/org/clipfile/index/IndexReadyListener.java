package org.clipfile.index;

/** Runs once the article index exists, for example to load the sample articles. */
public interface IndexReadyListener {
    void indexReady(ArticleIndex index) throws Exception;
}
