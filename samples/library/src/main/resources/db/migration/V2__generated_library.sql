-- Enough rows for paging to mean something: 300 authors, 3 000 books, two branches holding copies.
-- Ids come from md5 of a fixed text rather than gen_random_uuid(), so every run (and every test) sees
-- the same ids; books made through the API get random ones.

INSERT INTO tb_branch (id, name) VALUES
    ('11111111-1111-4111-8111-111111111111', 'North branch'),
    ('22222222-2222-4222-8222-222222222222', 'South branch');

INSERT INTO tb_author (id, name)
SELECT md5('author-' || n)::uuid, format('Author %s', lpad(n::text, 3, '0'))
  FROM generate_series(1, 300) AS n;

-- Book n is by author ((n - 1) % 300) + 1, so each author has ten books.
INSERT INTO tb_book (id, author_id, title, published_on, pages)
SELECT md5('book-' || n)::uuid,
       md5('author-' || ((n - 1) % 300 + 1))::uuid,
       format('Book %s', lpad(n::text, 4, '0')),
       date '1950-01-01' + n * 7,
       100 + (n * 37) % 400
  FROM generate_series(1, 3000) AS n;

-- The north branch holds books 1 to 4, the south branch books 3 to 6.
INSERT INTO tb_copy (id, branch_id, book_id, shelf)
SELECT md5('copy-north-' || n)::uuid, '11111111-1111-4111-8111-111111111111'::uuid, md5('book-' || n)::uuid,
       format('N-%s', lpad(n::text, 2, '0'))
  FROM generate_series(1, 4) AS n
UNION ALL
SELECT md5('copy-south-' || n)::uuid, '22222222-2222-4222-8222-222222222222'::uuid, md5('book-' || n)::uuid,
       format('S-%s', lpad(n::text, 2, '0'))
  FROM generate_series(3, 6) AS n;

SELECT app.refresh_tv_book(array_agg(id)) FROM tb_book;
