package org.imrflow.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Chooses the document store from {@code imrflow.documents.store}; runs the retention check on its schedule. */
@Configuration
@EnableScheduling
class DocumentStoreConfig {

  @Bean
  DocumentStore documentStore(DocumentSettings settings, JdbcTemplate jdbc) {
    return settings.inDatabase() ? new DatabaseDocumentStore(jdbc) : new FolderDocumentStore(settings.folder());
  }
}
