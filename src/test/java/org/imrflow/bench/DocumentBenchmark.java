package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.imrflow.TestCases;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case file (issue 13): upload and index of a generated 300-page PDF of medical records (a
 * scanned page image and a page of text each, as records from a claims administrator look), over
 * HTTP as a coordinator, with the rate and the JVM's peak heap during the upload; then a reviewer's
 * document list with 200 documents on the case.
 *
 * <p>{@code documentUploadPeakHeapMB} is the sum of the heap pools' peaks while the upload runs
 * (after a GC), so it includes what the whole application holds; {@code documentUploadHeapGrowthMB}
 * is that peak less the heap in use just before. Both in the benchmark's JVM (-Xmx6g).
 */
@Order(4)
class DocumentBenchmark {

  static final int PAGES = 300;
  static final int LISTED_DOCUMENTS = 200;
  static final int LIST_SAMPLES = BenchResults.QUICK ? 100 : 500;

  @Test
  void uploadAndIndexALargePdfAndListACaseFile() throws Exception {
    Path folder = BenchResults.DIR.resolve("documents-" + UUID.randomUUID());
    System.setProperty("imrflow.documents.folder", folder.toString());
    // The full run's pages (850 x 1100 images) make a 118 MB file, above the default 100 MB limit (413).
    System.setProperty("imrflow.documents.max-file-size", "200MB");
    Map<String, Object> figures = BenchResults.figures();
    try (ConfigurableApplicationContext app = BenchApp.h2("bench-documents")) {
      String base = "http://127.0.0.1:" + app.getBean(Environment.class).getProperty("local.server.port");
      Http http = new Http(base);
      String created = http.send("coordinator", HttpRequest.newBuilder(URI.create(base + "/api/cases"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TestCases.unique("seed-pt-exceeds").toString())), 201);
      String caseNumber = created.replaceAll("(?s).*\"caseNumber\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      app.getBean(JdbcTemplate.class).update("update imr_case set reviewer_id = 'dr-okafor' where case_number = ?",
          caseNumber);

      Path pdf = Files.createDirectories(BenchResults.DIR).resolve("records-300-pages.pdf");
      generate(pdf);
      long bytes = Files.size(pdf);
      http.upload(caseNumber, "Warm-up", Files.readAllBytes(smallPdf(BenchResults.DIR.resolve("warm-up.pdf"), "warm up")));

      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP).toList();
      System.gc();
      long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      String answer = http.upload(caseNumber, "Claims administrator's records", pdf);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      assertThat(answer).contains("\"pages\":" + PAGES);

      figures.put("documentUploadMB", BenchResults.round(bytes / 1e6));
      figures.put("documentUploadSeconds", BenchResults.round(seconds));
      figures.put("documentUploadMBPerSecond", BenchResults.round(bytes / 1e6 / seconds));
      figures.put("documentUploadPeakHeapMB", BenchResults.round(peak / 1e6));
      figures.put("documentUploadHeapGrowthMB", BenchResults.round((peak - before) / 1e6));

      for (int i = 0; listed(http, caseNumber) < LISTED_DOCUMENTS; i++) {
        http.upload(caseNumber, "Progress report " + i,
            Files.readAllBytes(smallPdf(BenchResults.DIR.resolve("small.pdf"), "Progress report number " + i)));
      }
      long[] nanos = new long[LIST_SAMPLES];
      for (int i = -20; i < LIST_SAMPLES; i++) {
        long s = System.nanoTime();
        http.send("dr-okafor", HttpRequest.newBuilder(URI.create(base + "/api/cases/" + caseNumber + "/documents")).GET(), 200);
        if (i >= 0) {
          nanos[i] = System.nanoTime() - s;
        }
      }
      Arrays.sort(nanos);
      figures.put("documentListDocuments", LISTED_DOCUMENTS);
      figures.put("documentListP50Millis", BenchResults.millis(nanos, 50));
      figures.put("documentListP95Millis", BenchResults.millis(nanos, 95));
    } finally {
      System.clearProperty("imrflow.documents.folder");
    }
    System.out.println("documents: " + figures);
    BenchResults.put(figures);
    BenchResults.print();
  }

  private static int listed(Http http, String caseNumber) throws Exception {
    String list = http.send("dr-okafor", HttpRequest.newBuilder(
        URI.create(http.base + "/api/cases/" + caseNumber + "/documents")).GET(), 200);
    return list.split("\"sha256\"", -1).length - 1;
  }

  /** 300 pages, each a distinct scanned-looking image (JPEG) and a paragraph of text to index. */
  private static void generate(Path file) throws Exception {
    Random random = new Random(7);
    int width = BenchResults.QUICK ? 400 : 850;
    int height = BenchResults.QUICK ? 520 : 1100;
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int page = 1; page <= PAGES; page++) {
        BufferedImage scan = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y += 2) {
          for (int x = 0; x < width; x += 2) {
            int v = 200 + random.nextInt(56);
            scan.getRaster().setSample(x, y, 0, v);
          }
        }
        PDImageXObject image = JPEGFactory.createFromImage(pdf, scan, 0.6f);
        PDPage p = new PDPage();
        pdf.addPage(p);
        try (PDPageContentStream content = new PDPageContentStream(pdf, p)) {
          content.drawImage(image, 36, 200, 540, 560);
          content.beginText();
          content.setFont(font, 9);
          content.setLeading(11);
          content.newLineAtOffset(36, 180);
          for (int line = 0; line < 12; line++) {
            content.showText("Page " + page + " line " + line + ": patient seen for follow up of cervical and lumbar"
                + " strain; physical therapy visits " + random.nextInt(30) + "; pain " + random.nextInt(10) + "/10.");
            content.newLine();
          }
          content.endText();
        }
      }
      pdf.save(file.toFile());
    }
  }

  private static Path smallPdf(Path file, String text) throws Exception {
    try (PDDocument pdf = new PDDocument()) {
      PDPage p = new PDPage();
      pdf.addPage(p);
      try (PDPageContentStream content = new PDPageContentStream(pdf, p)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
      pdf.save(file.toFile());
    }
    return file;
  }

  /** HTTP/1.1 with Basic authentication (password = user id, as in the demo data). */
  private static final class Http {
    final String base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Http(String base) {
      this.base = base;
    }

    String send(String user, HttpRequest.Builder request, int expected) throws Exception {
      HttpResponse<String> response = client.send(request
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
              .getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
      return response.body();
    }

    String upload(String caseNumber, String title, byte[] content) throws Exception {
      return upload(caseNumber, title, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    /** Streams the file from disk: the client holds no more of it in memory than the server should. */
    String upload(String caseNumber, String title, Path file) throws Exception {
      return upload(caseNumber, title, HttpRequest.BodyPublishers.ofFile(file));
    }

    private String upload(String caseNumber, String title, HttpRequest.BodyPublisher file) throws Exception {
      String boundary = "bench-" + UUID.randomUUID();
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"sentBy\"\r\n\r\nCLAIMS_ADMINISTRATOR\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"records.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n";
      return send("coordinator", HttpRequest.newBuilder(URI.create(base + "/api/cases/" + caseNumber + "/documents"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head), file,
              HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))), 201);
    }
  }
}
