package org.imrflow.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the OpenAPI description says about itself ({@code imrflow.api.*}).
 *
 * @param version the version of the API contract (API.md), not of the build
 * @param serverUrl where the API runs; the default "/" is the application that serves the description
 * @param serverDescription what that server is
 * @param licenseName the terms under which the API description is published
 * @param licenseUrl where those terms are written
 */
@ConfigurationProperties("imrflow.api")
record ApiDocsProperties(String version, String serverUrl, String serverDescription, String licenseName,
    String licenseUrl) {
}
