-- Determinations a reviewer made before joining this panel (another organization, an earlier
-- system): the quality review sampling counts them with the cases decided here, so that only a
-- reviewer's first 10 determinations overall are all checked (processes/quality-review-sampling.dmn).
create table reviewer_track_record (
  user_id               varchar(100) primary key,
  prior_determinations  integer not null
);
