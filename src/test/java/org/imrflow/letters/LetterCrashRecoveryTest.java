package org.imrflow.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.mail.EmbeddedMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node that dies while mailing a letter leaves a delivery claimed and never confirmed. The job's
 * next attempt must mail it (nothing lost) and nobody else twice; while the claim is young enough
 * to belong to an attempt still at work, it is left alone. ClusterIT kills a real node there.
 */
@IntegrationTest
class LetterCrashRecoveryTest {

  private static final LocalDateTime NOON = LocalDateTime.of(2014, 8, 4, 12, 0);
  private static final String EMPLOYEE = "employee@example.org";

  @Autowired Intake intake;
  @Autowired Letters letters;
  @Autowired LetterArchive archive;
  @Autowired EmbeddedMailServer mail;
  @Autowired BusinessClock clock;

  @BeforeEach
  void setClock() {
    EngineClock.setTo(NOON);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void aDeliveryLeftUnconfirmedByADeadAttemptIsMailedOnceByTheNextAttempt() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    StoredLetter letter = storedNotice(c);
    // The dead attempt: claimed the employee's delivery an hour ago, died before the server took it.
    assertThat(archive.claim(letter, EMPLOYEE, clock.now().minusSeconds(3600), clock.now().minusSeconds(7200))).isTrue();

    letters.send(c, LetterType.NOARFI);

    assertThat(received(letter)).isEqualTo(Map.of(EMPLOYEE, 1, "hr@example.org", 1, "claims@example.org", 1,
        "dr.il@example.org", 1));
    Letters.Sent notice = letters.delivery(c.getCaseNumber(), LetterType.NOARFI).orElseThrow();
    assertThat(notice.recipients()).hasSize(4);
    assertThat(notice.unconfirmed()).isEmpty();
    // The dead attempt may have handed it to the mail server before it died: the log says so.
    assertThat(notice.possibleRepeats()).containsExactly(EMPLOYEE);

    letters.send(c, LetterType.NOARFI);
    assertThat(received(letter).values()).as("a further attempt mails nobody").containsOnly(1);
  }

  @Test
  void aDeliveryClaimedByAnAttemptStillAtWorkIsLeftToItUntilTheClaimTimesOut() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    StoredLetter letter = storedNotice(c);
    assertThat(archive.claim(letter, EMPLOYEE, clock.now(), clock.now().minusSeconds(120))).isTrue();

    assertThatThrownBy(() -> letters.send(c, LetterType.NOARFI)).isInstanceOf(MailNotDeliveredException.class)
        .hasMessageContaining(c.getCaseNumber()).hasMessageNotContaining(EMPLOYEE);
    assertThat(received(letter)).doesNotContainKey(EMPLOYEE).hasSize(3);
    assertThat(letters.correspondence(c.getCaseNumber()).get(0).unconfirmed()).containsExactly(EMPLOYEE);

    // The job's retry comes after the job lock expired (5 minutes): that attempt is dead by then.
    EngineClock.setTo(NOON.plusMinutes(5));
    Letters.Delivered retry = letters.deliver(c, LetterType.NOARFI, Map.of());
    assertThat(received(letter).values()).hasSize(4).containsOnly(1);
    // The last party was mailed by the retry: that is when the letter went out (the notice's sent day).
    assertThat(retry.lastSentAt()).isEqualTo(clock.now());

    EngineClock.setTo(NOON.plusDays(1));
    assertThat(letters.deliver(c, LetterType.NOARFI, Map.of()).lastSentAt()).as("a later attempt changes nothing")
        .isEqualTo(retry.lastSentAt());
    assertThat(received(letter).values()).hasSize(4).containsOnly(1);
  }

  @Test
  void messageIdsNameTheCaseAndTheLetterButNoAddress() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    StoredLetter letter = storedNotice(c);
    letters.send(c, LetterType.NOARFI);
    List<String> ids = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      if (m.getSubject().equals(letter.subject())) {
        assertThat(m.getMessageID()).startsWith("<" + c.getCaseNumber() + ".noarfi.").endsWith("@imrflow.example>")
            .doesNotContain(m.getAllRecipients()[0].toString());
        ids.add(m.getMessageID());
      }
    }
    assertThat(ids).as("one Message-ID per recipient of the notice").hasSize(4).doesNotHaveDuplicates();
    assertThat(letters.delivery(c.getCaseNumber(), LetterType.NOARFI).orElseThrow().possibleRepeats())
        .as("nothing was taken over from a dead attempt").isEmpty();
  }

  /** The notice as the first attempt archived it before claiming anything. */
  private StoredLetter storedNotice(ImrCase c) {
    return archive.store(c.getCaseNumber(), LetterType.NOARFI.name(), LetterType.NOARFI,
        () -> new LetterArchive.Rendered(LetterType.NOARFI.subject(c.getCaseNumber()), "Notice", new byte[] {'%'}),
        clock.now());
  }

  /** Messages received per recipient for this letter. */
  private Map<String, Integer> received(StoredLetter letter) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage m : mail.received()) {
      if (m.getSubject().equals(letter.subject())) {
        counts.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
