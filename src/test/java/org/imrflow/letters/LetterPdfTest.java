package org.imrflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

  private final LetterPdf pdf = new LetterPdf();

  @Test
  void aRationalePastedWithControlCharactersStillRenders() throws Exception {
    // Text copied out of a PDF report carries form feeds; as HTML text to parse they failed the letter's rendering.
    String text = "   HOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe records \u000cdocument no red flag & no\n"
        + "objective deficit <so> the request is not medically necessary.\n- Item 1: upheld\n";
    String extracted = extracted(pdf.render("Final determination", text));
    assertThat(extracted).contains("HOW THE IMR FINAL DETERMINATION WAS MADE")
        .contains("no red flag & no objective deficit <so> the request").contains("- Item 1: upheld");
  }

  @Test
  void theHeaderBlockKeepsItsColumnsAndParagraphsFlowOntoNewPages() throws Exception {
    String sentences = IntStream.rangeClosed(1, 400).mapToObj(n -> "Sentence " + n + " of the summary.")
        .collect(Collectors.joining(" "));
    String text = "Case Number:          CM14-0123456\nDate Assigned:        08/12/2014   Date of Injury:      12/11/2013\n\n"
        + "                       CLINICAL CASE SUMMARY\n\n" + sentences + "\n";
    byte[] bytes = pdf.render("Final determination", text);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Final determination");
      // Each page holds the fonts it uses in its own resources, and one content stream.
      for (PDPage page : document.getPages()) {
        assertThat(page.getResources().getFontNames()).isNotEmpty();
        assertThat(page.getContentStreams()).toIterable().hasSize(1);
      }
    }
    String extracted = extracted(bytes);
    assertThat(extracted).contains("Date Assigned:        08/12/2014   Date of Injury:      12/11/2013")
        .contains("CLINICAL CASE SUMMARY");
    // Every word, in order, whatever the line and page breaks.
    assertThat(extracted.replaceAll("\\s+", " ")).contains(sentences);
  }

  @Test
  void aWordWiderThanThePageIsCutNotLost() throws Exception {
    String url = "https://records.example/" + "abcdefghij".repeat(20);
    String extracted = extracted(pdf.render("Notice", "See " + url + " for the records.\n"));
    assertThat(extracted.replaceAll("\\s+", "")).contains("See" + url + "fortherecords.");
    assertThat(extracted.lines().filter(line -> !line.isBlank()).count()).isGreaterThan(1);
  }

  @Test
  void whatTheStandardFontsCannotShowIsPrintedAsAQuestionMark() throws Exception {
    String extracted = extracted(pdf.render("Notice", "A dose \u2264 10 mg \u2013 as the caf\u00e9's \u201cnote\u201d said \ud83d\ude00.\n"));
    assertThat(extracted).contains("A dose ? 10 mg \u2013 as the caf\u00e9's \u201cnote\u201d said ??.");
  }

  private static String extracted(byte[] bytes) throws Exception {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
