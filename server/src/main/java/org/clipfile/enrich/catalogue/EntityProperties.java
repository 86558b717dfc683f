package org.clipfile.enrich.catalogue;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param relinkAfterImport an import that indexed at least this many articles is followed by a re-index that links
 *     the archive's entities again (the catalogue learnt from the new articles); 0 turns it off
 */
@Validated
@ConfigurationProperties("clipfile.entities")
public record EntityProperties(@DefaultValue("1000") @Min(0) int relinkAfterImport) {}
