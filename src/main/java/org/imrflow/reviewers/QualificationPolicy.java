package org.imrflow.reviewers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reviewer qualifications of LC 139.5(d) as the letters state them: more than
 * {@code minYearsInPractice} years in active practice, at least {@code minPracticeHoursPerWeek}
 * hours a week, a current license in a US state (California preferred, or required).
 */
@ConfigurationProperties("imrflow.reviewers")
record QualificationPolicy(
    @DefaultValue("5") int minYearsInPractice,
    @DefaultValue("24") int minPracticeHoursPerWeek,
    @DefaultValue("false") boolean requireCaliforniaLicense) {
}
