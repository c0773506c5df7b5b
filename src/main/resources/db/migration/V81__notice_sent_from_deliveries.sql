-- The day the notice of assignment went out is read from its deliveries (letter_delivery), not kept
-- on the case: the mail job writing it raced with a coordinator's changes to the case on another node.
alter table imr_case drop column notice_sent_on;
