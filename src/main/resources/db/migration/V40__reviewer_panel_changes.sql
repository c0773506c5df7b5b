-- Which reviewer each panel version changed (null: the whole panel), so that a node brings its
-- prepared panel up to date by reloading those reviewers only (reviewers.ReviewerPanel). Old rows
-- are pruned; a node further behind than what is kept reloads the whole panel.
create table reviewer_panel_change (
  version  bigint primary key,
  user_id  varchar(100)
);
