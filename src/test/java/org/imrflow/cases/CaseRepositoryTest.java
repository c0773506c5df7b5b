package org.imrflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the persistence layer (org.imrflow.persistence) promises the features, on the case's own tables. */
@IntegrationTest
class CaseRepositoryTest {

  @Autowired CaseRepository cases;
  @Autowired CaseItemRepository items;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private final String caseNumber = "CM99-" + UUID.randomUUID().toString().substring(0, 7);
  private final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @AfterEach
  void removeTheCase() {
    jdbc.update("delete from case_item where case_number = ?", caseNumber);
    jdbc.update("delete from imr_case where case_number = ?", caseNumber);
  }

  @Test
  void aCaseChangedInATransactionIsWrittenAtCommitWithoutASave() {
    cases.save(newCase());

    inTransaction(() -> cases.findById(caseNumber).orElseThrow().screened(false, List.of("not a covered dispute")));

    ImrCase read = cases.findById(caseNumber).orElseThrow();
    assertThat(read.getEligible()).isFalse();
    assertThat(read.eligibilityReasonList()).containsExactly("not a covered dispute");
    assertThat(read.getCreatedAt()).isEqualTo(createdAt);
    assertThat(read.getApplicationReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(read.getStatus()).isEqualTo(CaseStatus.ELIGIBILITY_REVIEW);
  }

  @Test
  void aTransactionReadsOneInstanceOfARowAndItsQueriesSeeItsChanges() {
    cases.save(newCase());

    inTransaction(() -> {
      ImrCase first = cases.findById(caseNumber).orElseThrow();
      first.setExpedited(true);
      assertThat(cases.findByDedupeKey("dedupe-" + caseNumber)).singleElement().isSameAs(first);
      assertThat(jdbc.queryForObject("select expedited from imr_case where case_number = ?", Boolean.class, caseNumber))
          .as("written before the query").isTrue();
    });
  }

  @Test
  void anInsertedCaseIsWrittenAtOnceAndHeldByItsTransactionAndAKeyInUseIsRefused() {
    inTransaction(() -> {
      ImrCase inserted = cases.insert(newCase());
      assertThat(jdbc.queryForObject("select count(*) from imr_case where case_number = ?", Long.class, caseNumber))
          .as("written at once").isOne();
      assertThat(cases.findById(caseNumber)).containsSame(inserted);
      inserted.setExpedited(true);
    });

    assertThat(cases.findById(caseNumber).orElseThrow().isExpedited()).as("its later change written at commit").isTrue();
    assertThatThrownBy(() -> cases.insert(newCase())).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aRollbackWritesNothing() {
    cases.save(newCase());

    assertThatThrownBy(() -> inTransaction(() -> {
      cases.findById(caseNumber).orElseThrow().setExpedited(true);
      CaseItem item = items.save(new CaseItem(caseNumber, 0, "MRI of the lumbar spine", "imaging", "{}"));
      assertThat(item.getId()).as("numbered by the database").isNotNull();
      throw new IllegalStateException("the step fails");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(cases.findById(caseNumber).orElseThrow().isExpedited()).isFalse();
    assertThat(items.findByCaseNumberOrderByItemIndex(caseNumber)).isEmpty();
  }

  @Test
  void aChangeToACaseAnotherTransactionChangedMeanwhileIsRefused() {
    cases.save(newCase());
    ImrCase stale = cases.findById(caseNumber).orElseThrow();

    inTransaction(() -> cases.findById(caseNumber).orElseThrow().screened(true, List.of()));
    stale.setExpedited(true);

    assertThatThrownBy(() -> cases.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
    ImrCase read = cases.findById(caseNumber).orElseThrow();
    assertThat(read.getEligible()).isTrue();
    assertThat(read.isExpedited()).isFalse();
  }

  @Test
  void aReadOnlyTransactionWritesNothing() {
    cases.save(newCase());
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);

    readOnly.executeWithoutResult(status -> {
      cases.findById(caseNumber).orElseThrow().setExpedited(true);
      assertThat(cases.findByDedupeKey("dedupe-" + caseNumber)).hasSize(1);
    });

    assertThat(cases.findById(caseNumber).orElseThrow().isExpedited()).isFalse();
  }

  private ImrCase newCase() {
    return new ImrCase(caseNumber, false, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 2),
        "dedupe-" + caseNumber, "{}", createdAt);
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
  }
}
