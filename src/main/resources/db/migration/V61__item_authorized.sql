-- A disputed item the claims administrator authorized while the review ran (POST /terminate naming
-- items): it leaves the review, and the letter lists it as authorized.
alter table case_item add column authorized_on date;
