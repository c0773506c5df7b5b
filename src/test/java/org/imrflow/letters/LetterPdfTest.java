package org.imrflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LetterPdfTest {

  private final LetterPdf pdf = new LetterPdf();

  @Test
  void aRationalePastedWithControlCharactersStillRenders() throws Exception {
    // Text copied out of a PDF report carries form feeds; as HTML text to parse they failed the letter's rendering.
    String text = "   HOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe records \u000cdocument no red flag & no\n"
        + "objective deficit <so> the request is not medically necessary.\n- Item 1: upheld\n";
    try (PDDocument document = Loader.loadPDF(pdf.render("Final determination", text))) {
      String extracted = new PDFTextStripper().getText(document);
      assertThat(extracted).contains("HOW THE IMR FINAL DETERMINATION WAS MADE")
          .contains("no red flag & no objective deficit <so> the request").contains("- Item 1: upheld");
    }
  }
}
