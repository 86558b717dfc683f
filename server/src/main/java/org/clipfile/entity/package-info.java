/**
 * The people, groups and places an article carries, as stored and indexed with it: what enrichment produces and
 * the article record holds. Plain records (Jackson and jspecify annotations only); finding and keying names is
 * {@code enrich}'s work.
 */
package org.clipfile.entity;
