package org.imrflow.intake;

import org.imrflow.cases.Application;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks an application however it arrives (API or Tasklist start form): the field
 * constraints of {@link Application}, then the rules that span fields.
 */
@Component
class ApplicationValidation {

  private final Validator validator;

  ApplicationValidation(Validator validator) {
    this.validator = validator;
  }

  void check(Application application) {
    List<FieldProblem> errors = FieldProblem.of(validator.validate(application));
    if (errors.isEmpty()) {
      crossFieldRules(application, errors);
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidInputException(errors);
    }
  }

  private static void crossFieldRules(Application a, List<FieldProblem> errors) {
    if (a.applicant() == Application.Applicant.REPRESENTATIVE && a.representative() == null) {
      errors.add(new FieldProblem("representative", "must be given when the applicant is the REPRESENTATIVE"));
    }
    if (a.employee().dateOfInjury().isAfter(a.utilizationReview().decisionDate())) {
      errors.add(new FieldProblem("employee.dateOfInjury", "must not be after utilizationReview.decisionDate"));
    }
    if (a.applicationReceivedOn().isBefore(a.utilizationReview().decisionDate())) {
      errors.add(new FieldProblem("applicationReceivedOn", "must not be before utilizationReview.decisionDate"));
    }
    for (int i = 0; i < a.disputedItems().size(); i++) {
      var surgery = a.disputedItems().get(i).surgery();
      if (surgery != null && surgery.date() != null && surgery.date().isBefore(a.employee().dateOfInjury())) {
        errors.add(new FieldProblem("disputedItems[" + i + "].surgery.date", "must not be before employee.dateOfInjury"));
      }
    }
  }
}
