-- A delivery taken over from an attempt that died after claiming it may have reached the mail server
-- before the death: it is mailed again (same Message-ID) and marked, so the correspondence log can
-- say that this recipient may have the letter twice.
alter table letter_delivery add column possible_repeat boolean default false not null;
