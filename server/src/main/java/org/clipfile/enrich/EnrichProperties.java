package org.clipfile.enrich;

import jakarta.validation.constraints.NotNull;
import org.clipfile.enrich.ner.RecognizerEngine;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param recognizer the entity recognition engine: {@code fast} (default) or {@code corenlp}, same answers */
@Validated
@ConfigurationProperties("clipfile.enrich")
public record EnrichProperties(@DefaultValue("fast") @NotNull RecognizerEngine recognizer) {}
