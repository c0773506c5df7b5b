package org.imrflow.guidelines;

/**
 * Physical modalities, durable medical equipment and the other services (DOMAIN.md §4b): TENS,
 * biofeedback, the modalities the guidelines do not recommend, hospital beds and job modifications,
 * office visits, home health and transportation.
 */
final class ModalityCheck {

  private final GuidelineTopics topics;

  ModalityCheck(GuidelineTopics topics) {
    this.topics = topics;
  }

  Assessment check(ItemContext c) {
    return switch (c.topic().topic()) {
      case "NOT_RECOMMENDED_MODALITY" -> c.notRecommended("The guideline does not recommend "
          + c.topic().section().replaceAll(",.*", "").toLowerCase() + ": no proven benefit over placebo or home care.");
      case "TENS" -> tens(c);
      case "BIOFEEDBACK" -> {
        int min = topics.value("BIOFEEDBACK_MIN_CBT_WEEKS");
        Integer weeks = c.number(Fact.cbtWeeks);
        if (weeks == null) {
          yield c.missing("Biofeedback is supported only after " + min + " weeks of cognitive behavioural therapy.",
              Fact.cbtWeeks);
        }
        yield weeks >= min ? c.within(weeks + " weeks of cognitive behavioural therapy: biofeedback may be added.")
            : c.notRecommended(weeks + " weeks of cognitive behavioural therapy: biofeedback only after " + min + ".");
      }
      case "HOSPITAL_BED", "JOB_MODIFICATION", "DME" -> byRationale(c);
      case "HOME_HEALTH" -> {
        Boolean homebound = c.bool(Fact.homebound);
        if (homebound == null) {
          yield c.missing("Home health services are for homebound patients, with the deficits, services and hours"
              + " stated.", Fact.homebound);
        }
        yield homebound ? c.within("The patient is homebound: home health services are supported.")
            : c.notRecommended("The patient is not homebound: home health services are for homebound patients.");
      }
      case "TRANSPORTATION" -> {
        Boolean can = c.bool(Fact.canSelfTransport);
        int minAge = topics.value("TRANSPORT_MIN_AGE");
        Integer age = c.number(Fact.age);
        if (!Boolean.FALSE.equals(can) && age != null && age < minAge) {
          yield c.notRecommended("The patient is " + age + ": transportation is for patients " + minAge + " and over"
              + " who cannot self-transport and need nursing-home-level care.");
        }
        if (can == null) {
          yield c.missing("Transportation is supported when the patient cannot self-transport.", Fact.canSelfTransport);
        }
        yield can ? c.notRecommended("The patient can self-transport: transportation is not supported.")
            : c.within("The patient cannot self-transport: transportation to appointments is supported.");
      }
      case "OFFICE_VISIT" -> {
        if (Boolean.TRUE.equals(c.bool(Fact.priorVisitSameKind))) {
          yield c.notRecommended("The same kind of visit was already given: a repeat is not supported without a"
              + " change.");
        }
        if (Boolean.TRUE.equals(c.bool(Fact.objectiveNeuroDeficit)) && Boolean.TRUE.equals(c.bool(Fact.imagingConfirmsLesion))) {
          yield c.within("Objective findings and a lesion on imaging: a specialist evaluation is supported.");
        }
        yield c.judgement("Office visits are decided individually, on the patient's concerns, signs and symptoms.");
      }
      case "CHIROPRACTIC_REEXAM" -> {
        Boolean improved = c.bool(Fact.functionalImprovementDocumented);
        if (improved == null) {
          yield c.missing("More manipulation care needs objective functional improvement.",
              Fact.functionalImprovementDocumented);
        }
        yield improved ? c.within("Functional improvement documented: further manipulation care may be evaluated.")
            : c.notRecommended("No functional improvement from the manipulation given: more is not supported.");
      }
      default -> c.judgement("No letter disputed this kind of service.");
    };
  }

  private Assessment tens(ItemContext c) {
    if (Boolean.FALSE.equals(c.bool(Fact.adjunctToFunctionalRestoration))) {
      return c.notRecommended("Electrical stimulation is not a primary treatment: only as an adjunct to functional"
          + " restoration.");
    }
    Integer sessions = c.number(Fact.sessionsCompleted);
    if (sessions != null && sessions > 0 && Boolean.FALSE.equals(c.bool(Fact.priorBenefitDocumented))) {
      return c.notRecommended(sessions + " sessions given with no documented benefit.");
    }
    Boolean home = c.bool(Fact.homeTrial);
    if (Boolean.FALSE.equals(home)) {
      return c.notRecommended("Sessions in the clinic: the guideline recommends a one-month home-based trial.");
    }
    int weeks = topics.value("TENS_TRIAL_WEEKS");
    if (Boolean.TRUE.equals(home) && Boolean.TRUE.equals(c.bool(Fact.adjunctToFunctionalRestoration))) {
      return c.within("A home-based trial of " + weeks + " weeks as an adjunct to functional restoration.");
    }
    return c.missing("Electrical stimulation is supported as a " + weeks + "-week home trial, adjunct to functional"
        + " restoration.", home == null ? Fact.homeTrial : Fact.adjunctToFunctionalRestoration);
  }

  private static Assessment byRationale(ItemContext c) {
    Boolean reason = c.bool(Fact.specificMedicalRationale);
    if (reason == null) {
      return c.missing("The equipment is supported for a specific documented medical need.",
          Fact.specificMedicalRationale);
    }
    return reason ? c.within("A specific medical need is documented for the equipment.")
        : c.notRecommended("No specific medical need for the equipment is documented.");
  }
}
