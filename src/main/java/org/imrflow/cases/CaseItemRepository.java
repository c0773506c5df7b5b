package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Its per-step queries in JPQL, as {@link CaseRepository} says why. */
public interface CaseItemRepository extends JpaRepository<CaseItem, Long> {

  @Query("select i from CaseItem i where i.caseNumber = ?1 order by i.itemIndex")
  List<CaseItem> findByCaseNumberOrderByItemIndex(String caseNumber);

  @Query("select i from CaseItem i where i.caseNumber = ?1 and i.itemIndex = ?2")
  Optional<CaseItem> findByCaseNumberAndItemIndex(String caseNumber, int itemIndex);
}
