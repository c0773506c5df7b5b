-- The case file (issue 13): the medical records themselves, as uploaded files. A document's content
-- lives in a DocumentStore (a folder in the embedded run, case_file_content in prod); its text is
-- kept per page for search. Kept to SQL that H2 and PostgreSQL both take.
create table case_file_document (
  id            varchar(36) primary key,
  case_number   varchar(20) not null references imr_case (case_number),
  title         varchar(500) not null,
  author        varchar(200),
  document_date date,
  sent_by       varchar(30) not null,
  received_on   date not null,
  content_type  varchar(100) not null,
  pages         integer not null,
  size_bytes    bigint not null,
  sha256        varchar(64) not null,
  storage_key   varchar(200) not null,
  uploaded_by   varchar(100) not null,
  uploaded_at   timestamp with time zone not null,
  -- The day a POST /records receipt listed it (null until then).
  listed_on     date,
  -- Set when the retention period removed the content; the row stays as the record of what was reviewed.
  purged_on     date,
  -- The same content is stored once per case: a second upload answers duplicateOf instead.
  constraint case_file_document_content unique (case_number, sha256)
);
create index case_file_document_case on case_file_document (case_number, document_date);

create table case_file_page (
  document_id varchar(36) not null references case_file_document (id) on delete cascade,
  page_number integer not null,
  text        varchar not null,
  primary key (document_id, page_number)
);

-- Content in the database (imrflow.documents.store=database, the prod default): reachable from every
-- node of a cluster. Chunks keep each row small enough to stream in both directions.
create table case_file_content (
  storage_key  varchar(200) not null,
  chunk_number integer not null,
  bytes        bytea not null,
  primary key (storage_key, chunk_number)
);
