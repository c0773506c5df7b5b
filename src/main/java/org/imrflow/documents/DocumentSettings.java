package org.imrflow.documents;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code imrflow.documents.*} (application.yml): where the case file's content lives, how large a
 * file may be and how long content is kept after a case closes.
 *
 * @param store {@code folder} (the embedded run: files under {@code folder}) or {@code database}
 *     (prod: table case_file_content, reachable from every node of a cluster)
 * @param folder the folder store's root; uploads are spooled in its {@code .incoming} sub-folder
 * @param maxFileSize one file's limit; Spring's multipart limits are set from it
 * @param retention how long after a case closes its documents' content and text are kept
 */
@ConfigurationProperties("imrflow.documents")
public record DocumentSettings(
    @DefaultValue("folder") String store,
    @DefaultValue("./data/documents") Path folder,
    @DefaultValue("100MB") DataSize maxFileSize,
    @DefaultValue("P7Y") Period retention) {

  boolean inDatabase() {
    return "database".equalsIgnoreCase(store);
  }
}
