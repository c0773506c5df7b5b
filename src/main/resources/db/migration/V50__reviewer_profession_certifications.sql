-- Issue 17: a reviewer's profession (license type, API.md §6) and board certifications with their
-- expiry (JSON, like the profile's other lists). Existing reviewers keep no profession (matched by
-- specialty only) and no dated certification.
alter table reviewer add column profession varchar(20);
alter table reviewer add column certifications varchar default '[]' not null;
