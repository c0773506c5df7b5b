package org.imrflow.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The IMR organization that signs the letters: configuration, not code. */
@ConfigurationProperties("imrflow.organization")
public record Organization(
    @DefaultValue("MAXIMUS Federal Services") String name,
    @DefaultValue("MAXIMUS") String shortName,
    @DefaultValue("P.O. Box 138009, Sacramento, CA 95813-8009") String address,
    @DefaultValue("imr@imrflow.example") String email) {
}
