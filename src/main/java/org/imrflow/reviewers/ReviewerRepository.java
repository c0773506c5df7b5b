package org.imrflow.reviewers;

import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The expert reviewers' profiles, in table {@code reviewer}. */
@Repository
class ReviewerRepository extends EntityTable<Reviewer, String> {

  ReviewerRepository(JdbcTemplate jdbc) {
    super(jdbc, Reviewer.class, "reviewer");
  }
}
