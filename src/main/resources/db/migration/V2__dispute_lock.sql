-- One row per dispute (the hash of claim number, UR decision date and item descriptions), locked by
-- the intake that registers an application for it: two identical applications arriving at once, on
-- one node or two, are registered one after the other, so the second sees the first and is refused.
create table dispute (
  dedupe_key varchar(64) primary key
);
