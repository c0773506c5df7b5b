-- Pages whose text is read from their image (README "The case file", OCR): a scan, a fax, a PDF page
-- without a text layer. needs_ocr until a node has read it; ocr_claimed_at is the claim of the node
-- reading it now (another node takes the page over when the claim is older than its lease).
alter table case_file_page add column needs_ocr boolean default false not null;
alter table case_file_page add column ocr_claimed_at timestamp;
-- Pages stored before: a PDF page without text is read now too. (Images stored before had no page
-- rows and stay unread: upload them again to have them read.)
update case_file_page set needs_ocr = true where text = '';
create index case_file_page_needs_ocr on case_file_page (needs_ocr);
