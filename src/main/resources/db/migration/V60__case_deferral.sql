-- A case deferred because the claims administrator disputes liability (8 CCR 9792.10.3): the
-- reason the SLA board shows until a coordinator records the dispute resolved.
alter table imr_case add column deferred_because varchar(2000);
