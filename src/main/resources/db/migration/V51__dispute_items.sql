-- Issue 17, duplicates per item: one row per disputed item of a case, keyed by the hash of the claim
-- number and the item's description (DedupeKey.item). An item whose key belongs to an open case is
-- refused at intake; the application's other items go ahead. V52 fills it for the cases already there.
create table dispute_item (
  item_key    varchar(64) not null,
  case_number varchar(20) not null,
  item_index  integer not null,
  primary key (case_number, item_index)
);
create index dispute_item_key on dispute_item (item_key);
