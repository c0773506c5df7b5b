package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseItemRepository extends JpaRepository<CaseItem, Long> {

  List<CaseItem> findByCaseNumberOrderByItemIndex(String caseNumber);

  Optional<CaseItem> findByCaseNumberAndItemIndex(String caseNumber, int itemIndex);
}
