package org.imrflow.reviewers;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewerRepository extends JpaRepository<Reviewer, String> {
}
