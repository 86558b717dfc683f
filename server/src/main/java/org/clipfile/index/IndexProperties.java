package org.clipfile.index;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param alias the alias searches and writes go through; the index behind it is {@code <alias>-v<version>}
 */
@Validated
@ConfigurationProperties("clipfile.index")
public record IndexProperties(
        @DefaultValue("articles") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String alias) {}
