package org.imrflow.guidelines;

import java.util.Arrays;
import java.util.Optional;

/**
 * The clinical facts a check may be given, by the name the API uses (API.md §7, DOMAIN.md §4b). A
 * fact that is absent or null is "not documented": a check never guesses it. The therapy facts may
 * also come as the item's own fields.
 */
public enum Fact {
  // every group
  requestSpecified(Type.BOOLEAN, "the request states its quantity, duration, body part, location or procedure"),
  partialApprovalRemainder(Type.BOOLEAN, "the item is what remains of a request UR approved in part"),
  chronicPain(Type.BOOLEAN, "pain for more than 12 weeks"),
  // therapy (also accepted as the item's own fields)
  requestedVisits(Type.VISITS, "visits or treatments requested"),
  completedVisits(Type.VISITS, "visits or treatments already completed or authorized"),
  functionalImprovementDocumented(Type.BOOLEAN,
      "objective functional improvement from earlier treatment (or the medication) is documented"),
  // imaging
  redFlags(Type.TEXT_LIST, "red flags found (cauda equina, tumour, infection, fracture, progressive deficit, "
      + "osteonecrosis, stress fracture...); an empty list means none found"),
  objectiveNeuroDeficit(Type.BOOLEAN, "objective dermatomal motor, sensory or reflex loss, or other physiologic "
      + "evidence of nerve compromise"),
  conservativeCareWeeks(Type.WEEKS, "weeks of conservative care (therapy, medication, rest) so far"),
  conservativeCareFailed(Type.BOOLEAN, "conservative care was tried and failed (true), or is still helping (false)"),
  surgeryConsidered(Type.BOOLEAN, "surgery or an invasive procedure is considered and would follow the result"),
  suspectedTear(Type.BOOLEAN, "a meniscal, ligament, labral or cuff tear is suspected on examination"),
  // electrodiagnostics
  symptomWeeks(Type.WEEKS, "weeks the symptoms have lasted"),
  paresthesias(Type.BOOLEAN, "numbness, tingling or paresthesias in the limb"),
  radiculopathyObvious(Type.BOOLEAN, "radiculopathy is already clinically obvious"),
  // injections
  radiculopathyOnExam(Type.BOOLEAN, "radiculopathy found on physical examination"),
  corroboratedByImaging(Type.BOOLEAN, "imaging or electrodiagnostics corroborate the radiculopathy at the level"),
  priorSameInjections(Type.COUNT, "injections of the same kind already given"),
  // surgery
  activityLimitationMonths(Type.COUNT, "months the activity has been limited"),
  imagingConfirmsLesion(Type.BOOLEAN, "an official imaging report shows the lesion surgery would treat"),
  fullThicknessTear(Type.BOOLEAN, "imaging shows a full-thickness rotator cuff tear"),
  // associated services
  age(Type.AGE, "the patient's age in years"),
  comorbidities(Type.TEXT_LIST, "chronic diseases or risk factors (diabetes, hypertension...); empty means none"),
  surgeryRisk(Type.SURGERY_RISK, "cardiac risk of the surgery: LOW (e.g. arthroscopy), INTERMEDIATE or HIGH"),
  surgeryComplex(Type.BOOLEAN, "the surgery is complex enough to need an assistant"),
  bleedingRiskOrAnticoagulant(Type.BOOLEAN, "a bleeding history or anticoagulant use"),
  implantMaterial(Type.BOOLEAN, "the surgery is urologic or implants material (mesh)"),
  pulmonaryRisk(Type.BOOLEAN, "pulmonary risk that a chest X-ray would change the management of"),
  openRepairLargeTear(Type.BOOLEAN, "an open repair of a large tear"),
  rentalDays(Type.COUNT, "days of rental requested"),
  postOpDays(Type.COUNT, "days after surgery the medication covers"),
  // medications
  painReliefPercent(Type.PERCENT, "pain relief from the medication, in percent (e.g. on a VAS)"),
  urineDrugTestRecent(Type.BOOLEAN, "a recent urine drug screen is documented"),
  aberrantBehaviourAssessed(Type.BOOLEAN, "side effects and aberrant drug behaviour are assessed"),
  curesChecked(Type.BOOLEAN, "the CURES prescription database was checked"),
  firstLineFailed(Type.BOOLEAN, "first-line treatment (antidepressants, anticonvulsants, oral medication) failed"),
  oralIntolerance(Type.BOOLEAN, "oral medication is not tolerated"),
  neuropathicPain(Type.BOOLEAN, "the pain is neuropathic (or, for a tricyclic, there is depression)"),
  giRiskFactors(Type.TEXT_LIST, "GI risk factors (ulcer, bleeding, perforation, high-dose or multiple NSAIDs, "
      + "age over 65); empty means none"),
  sameClassConcurrent(Type.BOOLEAN, "another drug of the same class is taken at the same time"),
  inUseWeeks(Type.WEEKS, "weeks the medication (or modality) has already been used; 0 for a first prescription"),
  opioidConcurrent(Type.BOOLEAN, "opioids are taken (for more than a few days)"),
  // modalities and DME
  homeTrial(Type.BOOLEAN, "a home-based trial (true) rather than sessions in the clinic (false)"),
  sessionsCompleted(Type.COUNT, "sessions of the modality already given"),
  priorBenefitDocumented(Type.BOOLEAN, "benefit from the sessions already given is documented"),
  adjunctToFunctionalRestoration(Type.BOOLEAN, "used as an adjunct to a programme of functional restoration"),
  cbtWeeks(Type.WEEKS, "weeks of cognitive behavioural therapy so far"),
  specificMedicalRationale(Type.BOOLEAN, "a specific medical reason for the equipment or service is documented"),
  // other services
  homebound(Type.BOOLEAN, "the patient is homebound"),
  canSelfTransport(Type.BOOLEAN, "the patient can get to appointments by themselves"),
  priorVisitSameKind(Type.BOOLEAN, "the same kind of visit (e.g. an initial exam) was already given");

  /** What a fact's value must be. */
  enum Type {
    BOOLEAN("true or false"),
    TEXT_LIST("a list of strings"),
    VISITS("a whole number from 0 to 200"),
    WEEKS("a number of weeks, 0 or more"),
    COUNT("a whole number, 0 or more"),
    AGE("a whole number of years from 0 to 120"),
    PERCENT("a number from 0 to 100"),
    SURGERY_RISK("LOW, INTERMEDIATE or HIGH");

    final String expected;

    Type(String expected) {
      this.expected = expected;
    }
  }

  final Type type;
  final String meaning;

  Fact(Type type, String meaning) {
    this.type = type;
    this.meaning = meaning;
  }

  static Optional<Fact> named(String name) {
    return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
  }
}
