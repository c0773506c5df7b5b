package org.imrflow.reviewers;

import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The expert reviewers' profiles, in table {@code reviewer}. */
@Component
class ReviewerRepository extends EntityTable<Reviewer, String> {

  ReviewerRepository(JdbcTemplate jdbc) {
    super(jdbc, Reviewer.class, "reviewer");
  }
}
