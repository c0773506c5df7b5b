-- The clinical facts a reviewer states for an item's guideline check (JSON), kept with the check and the decision.
alter table case_item add column clinical_facts varchar;
