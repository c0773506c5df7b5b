package org.imrflow.intake;

import org.imrflow.cases.Application;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.Application.Employee;
import org.imrflow.cases.Application.Party;
import org.imrflow.cases.Application.Provider;
import org.imrflow.cases.Application.ProviderRole;
import org.imrflow.cases.Application.UtilizationReview;
import org.imrflow.process.CaseProcess;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * An application entered with the Tasklist start form ({@code forms/application.form}) becomes a
 * case like one posted to the API: same validation, same case number, same business key. A case
 * started by the API already has its number and passes through.
 */
@Component("registerApplication")
class RegisterApplication implements ExecutionListener {

  private final Intake intake;

  RegisterApplication(Intake intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (CaseProcess.CASE_NUMBER.from(execution) != null) {
      return;
    }
    FormFields form = new FormFields(execution);
    Application application = form.application();
    try {
      form.check();
      intake.registerStarted(application, execution);
    } catch (InvalidInputException e) {
      throw refused(e.errors());
    }
  }

  private static FormFieldValidationException refused(List<FieldProblem> errors) {
    List<String> problems = errors.stream().map(e -> e.field() + " " + e.message()).toList();
    return new FormFieldValidationException(problems, "The application cannot be registered: " + String.join("; ", problems));
  }

  /** The start form's flat fields, read leniently; what cannot be read is named, not guessed. */
  private static final class FormFields {
    private final DelegateExecution execution;
    private final List<FieldProblem> problems = new ArrayList<>();

    FormFields(DelegateExecution execution) {
      this.execution = execution;
    }

    Application application() {
      DisputedItem.Surgery surgery = text("itemSurgeryProcedure") == null ? null
          : new DisputedItem.Surgery(choice("itemSurgeryProcedure", DisputedItem.Procedure.class), date("itemSurgeryDate"));
      DisputedItem item = new DisputedItem(text("itemDescription"), choice("itemCategory", DisputedItem.Category.class),
          regions("itemBodyRegions"), choice("itemCondition", DisputedItem.Condition.class), number("itemRequestedVisits"),
          number("itemCompletedVisits"), surgery, yesNoUnknown("itemFunctionalImprovement"),
          text("itemClaimsAdministratorGuideline"));
      Provider physician = text("physicianName") == null ? null
          : new Provider(text("physicianId"), text("physicianName"), ProviderRole.REQUESTING, text("physicianEmail"),
              null);
      List<String> diagnoses = text("diagnoses") == null ? List.of()
          : Arrays.stream(text("diagnoses").split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      return new Application(date("applicationReceivedOn"), bool("signedByEmployee"), bool("expedited"),
          text("expeditedReason"),
          new Employee(text("employeeName"), number("employeeAge"), choice("employeeSex", Application.Sex.class),
              date("dateOfInjury"), text("claimNumber"), text("employeeEmail")),
          null,
          new Party(text("employerId"), text("employerName"), text("employerEmail")),
          new Party(text("claimsAdministratorId"), text("claimsAdministratorName"), text("claimsAdministratorEmail")),
          new UtilizationReview(new Application.Organization(text("urOrganizationId"), text("urOrganizationName")),
              date("urDecisionDate"), date("urServedOn"), bool("urServedByMail"), bool("urReportAttached"),
              bool("urConditionallyNonCertified"), null),
          physician == null ? List.of() : List.of(physician), diagnoses, List.of(item), null, null,
          bool("liabilityDisputed"), text("liabilityDisputeReason"));
    }

    void check() {
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    private Object value(String name) {
      Object v = execution.getVariable(name);
      return v instanceof String s && s.isBlank() ? null : v;
    }

    private String text(String name) {
      Object v = value(name);
      return v == null ? null : v.toString().trim();
    }

    private Boolean bool(String name) {
      Object v = value(name);
      return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(v.toString());
    }

    private Boolean yesNoUnknown(String name) {
      String v = text(name);
      return v == null || v.equalsIgnoreCase("unknown") ? null : Boolean.valueOf(v);
    }

    private Integer number(String name) {
      Object v = value(name);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.intValue();
      }
      try {
        return Integer.valueOf(v.toString().trim());
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem(name, "must be a whole number"));
        return null;
      }
    }

    private LocalDate date(String name) {
      String v = text(name);
      if (v == null) {
        return null;
      }
      try {
        return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem(name, "must be a date yyyy-MM-dd"));
        return null;
      }
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type) {
      String v = text(name);
      if (v == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
      }
    }

    /** A checklist submits a Json array of strings. */
    private List<DisputedItem.BodyRegion> regions(String name) {
      Object v = execution.getVariableTyped(name) instanceof JsonValue json ? json.getValue() : value(name);
      List<String> values = new ArrayList<>();
      if (v instanceof SpinJsonNode node && node.isArray()) {
        node.elements().forEach(e -> values.add(e.stringValue()));
      } else if (v instanceof List<?> list) {
        list.forEach(o -> values.add(String.valueOf(o)));
      } else if (v != null) {
        values.addAll(Arrays.asList(v.toString().split(",")));
      }
      List<DisputedItem.BodyRegion> regions = new ArrayList<>();
      for (String s : values) {
        try {
          regions.add(DisputedItem.BodyRegion.valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem(name, "'" + s + "' is not a body region"));
        }
      }
      return regions;
    }
  }
}
