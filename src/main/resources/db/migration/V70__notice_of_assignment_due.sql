-- The notice of assignment (NOARFI) is due 1 business day after the case was found eligible
-- (8 CCR 9792.10.4, counted on the California calendar), and the day it actually went out to every
-- party: a manager sees a late notice on the case and in its audit trail. Null for the cases of an
-- earlier version and until screening finds a case eligible.
alter table imr_case add column notice_due_on date;
alter table imr_case add column notice_sent_on date;
