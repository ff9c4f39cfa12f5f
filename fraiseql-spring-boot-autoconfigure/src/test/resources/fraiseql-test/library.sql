CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS ltree;

CREATE TABLE author (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  country text,
  city text
);

CREATE TABLE book (
  id int PRIMARY KEY,
  title text NOT NULL,
  isbn text UNIQUE,
  pages int,
  price numeric(8, 2),
  published_on date,
  available boolean,
  genre text,
  tags text[],
  dns_1 text,
  metadata jsonb,
  author_id uuid REFERENCES author,
  tenant_id int NOT NULL DEFAULT 1,
  source_ip inet,
  shelf_mac macaddr,
  category ltree,
  lending daterange,
  summary text
);

CREATE TABLE review (
  id serial PRIMARY KEY,
  book_id int NOT NULL REFERENCES book,
  rating int NOT NULL,
  comment text,
  reviewer text
);

INSERT INTO author VALUES
  ('11111111-1111-1111-1111-111111111111', 'Ursula K. Le Guin', 'US', 'Portland'),
  ('22222222-2222-2222-2222-222222222222', 'Stanisław Lem', 'PL', NULL),
  ('33333333-3333-3333-3333-333333333333', 'Mary Beard', NULL, 'Cambridge');

INSERT INTO book VALUES
  (1, 'The Dispossessed', '978-0060512750', 387, 12.50, '1974-05-01', true, 'FICTION', ARRAY['anarchy', 'physics'], 'a1', '{"shelf": 3}', '11111111-1111-1111-1111-111111111111', 1,
   '192.168.1.10', '08:00:2b:01:02:03', 'fiction.scifi', '[2024-01-01,2024-02-01)', 'an anarchist physicist travels between worlds'),
  (2, 'Solaris', '978-0156027601', 204, 9.99, '1961-06-01', true, 'FICTION', ARRAY['ocean'], NULL, NULL, '22222222-2222-2222-2222-222222222222', 1,
   '8.8.8.8', NULL, 'fiction.scifi.classic', '[2024-03-01,2024-04-01)', 'a living ocean covers the planet'),
  (3, 'SPQR', '978-1631492228', 608, 20.00, '2015-11-09', false, 'HISTORY', ARRAY[]::text[], 'c3', NULL, '33333333-3333-3333-3333-333333333333', 2,
   '2001:db8::1', NULL, 'history.rome', NULL, 'a history of ancient rome'),
  (4, 'Untitled "draft" \ notes', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, NULL, NULL, NULL, NULL, NULL);

INSERT INTO review (book_id, rating, comment, reviewer) VALUES
  (1, 5, 'A classic', 'ana'),
  (1, 4, NULL, 'ben'),
  (2, 5, 'Unsettling, in a good way', 'chloé');

CREATE VIEW v_author AS
SELECT a.id, a.name,
       jsonb_strip_nulls(jsonb_build_object(
         'id', a.id, 'name', a.name, 'country', a.country,
         'address', CASE WHEN a.city IS NULL THEN NULL ELSE jsonb_build_object('city', a.city) END)) AS data
FROM author a;

CREATE VIEW v_book AS
SELECT b.id, b.title, b.pages, b.published_on, b.tenant_id,
       jsonb_strip_nulls(jsonb_build_object(
         'id', b.id, 'title', b.title, 'isbn', b.isbn, 'pages', b.pages, 'price', b.price,
         'published_on', b.published_on, 'available', b.available, 'genre', b.genre, 'tags', to_jsonb(b.tags),
         'dns_1', b.dns_1, 'metadata', b.metadata, 'source_ip', b.source_ip, 'shelf_mac', b.shelf_mac,
         'category', b.category, 'lending', b.lending, 'summary', b.summary,
         'author', (SELECT va.data FROM v_author va WHERE va.id = b.author_id),
         'reviews', coalesce((SELECT jsonb_agg(jsonb_build_object('rating', r.rating, 'comment', r.comment,
                     'reviewer', r.reviewer) ORDER BY r.id) FROM review r WHERE r.book_id = b.id), '[]'::jsonb)))
       AS data
FROM book b;

-- Sees only the rows of the tenant in the transaction-local setting, like a row-level security policy.
CREATE VIEW v_my_book AS
SELECT v.* FROM v_book v WHERE v.tenant_id = nullif(current_setting('app.tenant_id', true), '')::int;

-- Views that fail at query time, for the error codes: a division by zero (22012), a slow one for the
-- statement timeout (57014), and one the tests drop after start-up (42P01).
CREATE VIEW v_broken_book AS
SELECT v.id, jsonb_build_object('id', v.id / (v.id - v.id)) AS data FROM v_book v;

CREATE VIEW v_slow_book AS
SELECT v.id, v.data FROM v_book v, LATERAL (SELECT pg_sleep(1.5)) s;

CREATE VIEW v_dropped_book AS SELECT v.id, v.data FROM v_book v;

-- Rows that break the schema's promises, for the parity of every path on them: book 2 has no data at all, book 3
-- has no title although Book.title is String!.
CREATE VIEW v_odd_book AS
SELECT v.id, CASE v.id WHEN 2 THEN NULL WHEN 3 THEN v.data - 'title' ELSE v.data END AS data
FROM v_book v WHERE v.id IN (1, 2, 3);

CREATE TYPE app.mutation_response AS (
  status text, message text, entity_id text, entity_type text, entity jsonb,
  updated_fields text[], cascade jsonb, metadata jsonb
);

CREATE FUNCTION app.create_book(input jsonb) RETURNS app.mutation_response LANGUAGE plpgsql AS $$
DECLARE
  new_id int;
  existing jsonb;
BEGIN
  IF coalesce(input->>'title', '') = '' THEN
    RETURN ROW('validation:title_required', 'title is required', NULL, 'Book', NULL, NULL, NULL, NULL)::app.mutation_response;
  END IF;
  SELECT v.data INTO existing FROM v_book v JOIN book b ON b.id = v.id WHERE b.isbn = input->>'isbn';
  IF existing IS NOT NULL THEN
    RETURN ROW('conflict:duplicate_isbn', 'a book with ISBN ' || (input->>'isbn') || ' already exists',
               existing->>'id', 'Book', existing, NULL, NULL, NULL)::app.mutation_response;
  END IF;
  IF input->>'title' = 'same' THEN
    RETURN ROW('noop:unchanged', 'nothing to change', NULL, 'Book', NULL, NULL, NULL, NULL)::app.mutation_response;
  END IF;
  INSERT INTO book (id, title, isbn, pages, author_id, tenant_id)
  VALUES ((SELECT max(id) + 1 FROM book), input->>'title', input->>'isbn', (input->>'pages')::int,
          (input->>'author_id')::uuid, coalesce(nullif(current_setting('app.tenant_id', true), '')::int, 1))
  RETURNING id INTO new_id;
  IF input->>'title' = 'boom' THEN
    PERFORM 1 / 0;
  END IF;
  RETURN ROW('created', 'book created', new_id::text, 'Book', (SELECT data FROM v_book WHERE id = new_id),
             ARRAY['title', 'isbn', 'author_id'], NULL, NULL)::app.mutation_response;
END
$$;

CREATE FUNCTION app.rename_author(input jsonb) RETURNS jsonb LANGUAGE sql AS $$
  UPDATE author SET name = input->>'new_name' WHERE id = (input->>'id')::uuid;
  SELECT data FROM v_author WHERE id = (input->>'id')::uuid;
$$;

-- Answers with the status it is given, to check the mapping of every status family.
CREATE FUNCTION app.answer_with(input jsonb) RETURNS app.mutation_response LANGUAGE sql AS $$
  SELECT ROW(input->>'status', 'answered ' || (input->>'status'), NULL, 'Book', NULL, NULL, NULL,
             NULL)::app.mutation_response;
$$;

-- Answers with decimals that a double cannot hold exactly.
CREATE FUNCTION app.quote(input jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT jsonb_build_object('id', 0, 'title', input->>'title', 'price', 12.50,
                            'metadata', jsonb_build_object('amount', 12.50, 'big', 12345678901234567890.125));
$$;

-- Refuses with a message meant for the client, the documented way: SQLSTATE class U0, DETAIL the field, HINT the fix.
CREATE FUNCTION app.reserve_book(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO author (id, name) VALUES ('99999999-9999-9999-9999-999999999999', 'written before the refusal');
  RAISE EXCEPTION 'Book % is already reserved', input->>'id'
    USING ERRCODE = 'U0409', DETAIL = 'id', HINT = 'Choose another book or wait for its return';
END
$$;

-- A bulk write: one call with a JSON array, in one transaction, so an invalid element leaves nothing written.
CREATE FUNCTION app.create_authors(input jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  item jsonb;
  created jsonb := '[]'::jsonb;
  new_id uuid;
BEGIN
  FOR item IN SELECT value FROM jsonb_array_elements(input) LOOP
    IF coalesce(item->>'name', '') = '' THEN
      RAISE EXCEPTION 'Author % has no name', jsonb_array_length(created) + 1
        USING ERRCODE = 'U0422', DETAIL = 'input.name', HINT = 'Give every author a name';
    END IF;
    new_id := md5(item->>'name')::uuid;
    INSERT INTO author (id, name, country) VALUES (new_id, item->>'name', item->>'country');
    created := created || (SELECT data FROM v_author WHERE id = new_id);
  END LOOP;
  RETURN created;
END
$$;
