package org.imrflow.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the whole /api description states once, and what every operation shares: who publishes it
 * under which license and where it runs, the HTTP Basic login, the problem+json body of every refusal
 * (API.md §4), and the tags with what each groups.
 */
class ApiDescription implements OpenApiCustomizer {

  static final String BASIC = "basicAuth";
  static final String PROBLEM = "Problem";
  static final String INVALID_INPUT = "InvalidInputProblem";
  static final String FIELD_PROBLEM = "FieldProblem";
  static final String PROBLEM_JSON = "application/problem+json";

  /** The tags the controllers use, in the order a reader meets them, with what each groups. */
  static final Map<String, String> TAGS = tags();

  private final ApiDocsProperties properties;
  private final ApiExamples examples;

  ApiDescription(ApiDocsProperties properties, ApiExamples examples) {
    this.properties = properties;
    this.examples = examples;
  }

  private static Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Cases", "Applications for Independent Medical Review: intake, records, the case as it stands, events"
        + " that change its course, and its audit trail.");
    tags.put("Letters", "The final determination letter and every notice mailed for a case.");
    tags.put("Reviewers", "The expert reviewer panel, and who of it may review a case.");
    tags.put("Case file", "The medical records of a case as documents: upload, list, search and read (every read audited).");
    tags.put("Guidelines", "MTUS guideline checks of a disputed item: decision support for the reviewer.");
    tags.put("SLA and reports", "Statutory deadlines of the open cases, and the monthly figures the state asks for.");
    return tags;
  }

  @Override
  public void customise(OpenAPI api) {
    api.info(new Info()
        .title("IMRflow API")
        .version(properties.version())
        .description("""
            Independent medical review of California workers' compensation treatment disputes: take in an \
            Application for IMR, follow the case to its final determination letter, manage the reviewer panel.

            Every operation needs HTTP Basic authentication as a Camunda user (a page of the Camunda webapps' \
            user, such as the Cockpit SLA board or the case file page, may instead send the webapp session: any \
            read, whose answer carries the session's CSRF token in `X-XSRF-TOKEN`, and a change that sends that \
            token back in the same header). Every refusal is `application/problem+json` (RFC 9457) with \
            `title`, `status` and `detail`; invalid input adds `errors`, one `{field, message}` per problem, and \
            creates or changes nothing. The tasks of a case (assign, attest, summarise, decide) are completed \
            through Camunda's own REST API at `/engine-rest`, not here.""")
        .license(new License().name(properties.licenseName()).url(properties.licenseUrl())));
    api.servers(List.of(new Server().url(properties.serverUrl()).description(properties.serverDescription())));

    api.getComponents()
        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("A Camunda user's id and password, the same as for Tasklist and Cockpit."))
        .addSchemas(PROBLEM, problem())
        .addSchemas(FIELD_PROBLEM, fieldProblem())
        .addSchemas(INVALID_INPUT, invalidInput());
    api.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
    api.getComponents().getSchemas().values().forEach(ApiDescription::nullableUnlessRequired);

    List<Tag> tags = new ArrayList<>();
    TAGS.forEach((name, description) -> tags.add(new Tag().name(name).description(description)));
    api.setTags(tags);

    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
          describe(method, operation)));
    }
  }

  private void describe(PathItem.HttpMethod method, Operation operation) {
    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
    if (operation.getResponses() == null) {
      return;
    }
    operation.getResponses().forEach((status, response) -> {
      if (status.startsWith("4") && (response.getContent() == null || response.getContent().isEmpty())) {
        response.setContent(problemContent(status));
      }
    });
    examples.attach(operation);
  }

  /**
   * IMRflow writes every property of its answers, null when it has no value (Jackson's inclusion
   * ALWAYS), and reads an absent or null property alike: every property that is not required may be
   * null, which springdoc does not say.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void nullableUnlessRequired(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> properties = (Map) schema.getProperties();
    properties.replaceAll((name, property) -> {
      nullableUnlessRequired(property);
      return required.contains(name) ? property : nullable(property);
    });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Schema nullable(Schema property) {
    Set<String> types = property.getTypes() != null && !property.getTypes().isEmpty() ? property.getTypes()
        : property.getType() != null ? Set.of(property.getType()) : Set.of();
    if (property.get$ref() != null || types.isEmpty() || property.getEnum() != null) {
      Schema none = new Schema<>();
      none.setTypes(Set.of("null"));
      Schema either = new Schema<>();
      either.setAnyOf(List.of(property, none));
      either.setDescription(property.getDescription());
      return either;
    }
    Set<String> withNull = new LinkedHashSet<>(types);
    withNull.add("null");
    property.setTypes(withNull);
    return property;
  }

  private Content problemContent(String status) {
    MediaType media = new MediaType().schema(ref("400".equals(status) ? INVALID_INPUT : PROBLEM));
    examples.problem(status).ifPresent(example -> media.addExamples(status, example));
    return new Content().addMediaType(PROBLEM_JSON, media);
  }

  private static Schema<?> problem() {
    return object("A refusal as RFC 9457 problem details.")
        .addProperty("type", string("A URI naming the kind of problem; `about:blank` for all of IMRflow's."))
        .addProperty("title", string("The kind of problem in a few words, e.g. `Invalid input`."))
        .addProperty("status", integer("The HTTP status code."))
        .addProperty("detail", string("What exactly was refused and why."))
        .addProperty("instance", string("The path of the request."))
        .required(List.of("title", "status", "detail"));
  }

  private static Schema<?> fieldProblem() {
    return object("One invalid field of the input.")
        .addProperty("field", string("The field's path in the input, e.g. `disputedItems[0].requestedVisits`."))
        .addProperty("message", string("What is wrong with it."))
        .required(List.of("field", "message"));
  }

  private static Schema<?> invalidInput() {
    Schema<Object> errors = typed("array", "Every invalid field, with what is wrong with it.");
    errors.setItems(ref(FIELD_PROBLEM));
    Schema<?> schema = problem().description("Invalid input: the problem, and each invalid field.")
        .addProperty("errors", errors);
    schema.setRequired(List.of("title", "status", "detail", "errors"));
    return schema;
  }

  static Schema<Object> object(String description) {
    return typed("object", description);
  }

  private static Schema<Object> string(String description) {
    return typed("string", description);
  }

  private static Schema<Object> integer(String description) {
    return typed("integer", description);
  }

  /** Both spellings of a type, since springdoc writes OpenAPI 3.1 (types) or 3.0 (type) by setting. */
  static Schema<Object> typed(String type, String description) {
    Schema<Object> schema = new Schema<>();
    schema.setType(type);
    schema.setTypes(Set.of(type));
    schema.setDescription(description);
    return schema;
  }

  static Schema<Object> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }
}
