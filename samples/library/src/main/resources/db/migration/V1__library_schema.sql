-- The library's write model (tb_*), read model (v_*, tv_book) and write functions (app.*).
-- Keys are uuid: new rows take gen_random_uuid(), so ids can be made anywhere without a round trip.

CREATE SCHEMA app;

-- Branches are the tenants: a request names one in the X-Tenant header.
CREATE TABLE tb_branch (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL
);

CREATE TABLE tb_author (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL
);

CREATE TABLE tb_book (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    author_id uuid NOT NULL REFERENCES tb_author (id),
    title text NOT NULL,
    published_on date,
    pages int
);
CREATE INDEX tb_book_author_id ON tb_book (author_id);

-- The copies each branch holds: the tenant-scoped table.
CREATE TABLE tb_copy (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    branch_id uuid NOT NULL REFERENCES tb_branch (id),
    book_id uuid NOT NULL REFERENCES tb_book (id) ON DELETE CASCADE,
    shelf text NOT NULL
);
CREATE INDEX tb_copy_branch_id ON tb_copy (branch_id);

-- Row-level security: a copy is visible only to the branch named by the transaction-local setting
-- app.tenant_id, which FraiseQL sets from the request context. With no setting (or an empty one, which
-- is what a pooled connection keeps after an earlier transaction set it) no row is visible.
ALTER TABLE tb_copy ENABLE ROW LEVEL SECURITY;
CREATE POLICY copy_of_the_tenant ON tb_copy
    USING (branch_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- A superuser (the embedded server's postgres, often the test container's user too) bypasses every
-- policy, even with FORCE ROW LEVEL SECURITY. A view, though, reads its tables with its owner's rights
-- and policies: owned by this role, which is no superuser and does not own tb_copy, v_copy is filtered
-- whoever queries it. Roles belong to the cluster, hence the check for one left by another database.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'library_tenant_reader') THEN
        CREATE ROLE library_tenant_reader NOLOGIN;
    END IF;
END
$$;
GRANT SELECT ON tb_copy, tb_book, tb_branch TO library_tenant_reader;

CREATE VIEW v_copy AS
SELECT c.id,
       c.shelf,
       jsonb_build_object(
           'id', c.id,
           'shelf', c.shelf,
           'branch', jsonb_build_object('id', br.id, 'name', br.name),
           'book', jsonb_build_object('id', b.id, 'title', b.title)) AS data
  FROM tb_copy c
  JOIN tb_branch br ON br.id = c.branch_id
  JOIN tb_book b ON b.id = c.book_id;
ALTER VIEW v_copy OWNER TO library_tenant_reader;

CREATE VIEW v_author AS
SELECT a.id,
       a.name,
       jsonb_build_object('id', a.id, 'name', a.name) AS data
  FROM tb_author a;

-- One JSONB document per book, nested author included, built on each read.
CREATE VIEW v_book AS
SELECT b.id,
       b.author_id,
       b.title,
       jsonb_build_object(
           'id', b.id,
           'title', b.title,
           'published_on', b.published_on,
           'pages', b.pages,
           'author', jsonb_build_object('id', a.id, 'name', a.name)) AS data
  FROM tb_book b
  JOIN tb_author a ON a.id = b.author_id;

-- The same documents stored, so that filters, sorts and keyset pages use indexes instead of building
-- every document first. The write functions below keep it current; title is a real column because
-- the connection pages by it.
CREATE TABLE tv_book (
    id uuid PRIMARY KEY,
    author_id uuid NOT NULL,
    title text NOT NULL,
    data jsonb NOT NULL
);
CREATE INDEX tv_book_title ON tv_book (title, id);
CREATE INDEX tv_book_author_name ON tv_book ((data -> 'author' ->> 'name'));

-- Rebuilds the tv_book rows of the given books from v_book, and drops those of deleted books.
CREATE FUNCTION app.refresh_tv_book(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM tv_book t WHERE t.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM tb_book b WHERE b.id = t.id);
    INSERT INTO tv_book (id, author_id, title, data)
    SELECT v.id, v.author_id, v.title, v.data FROM v_book v WHERE v.id = ANY (ids)
    ON CONFLICT (id) DO UPDATE SET author_id = EXCLUDED.author_id, title = EXCLUDED.title, data = EXCLUDED.data;
$$;

-- What every write function answers; FraiseQL picks the GraphQL union member from the status.
CREATE TYPE app.mutation_response AS (
    status text,
    message text,
    entity_id text,
    entity_type text,
    entity jsonb,
    updated_fields text[],
    cascade jsonb,
    metadata jsonb
);

-- Expected failures are answered with a status, not raised, so the client gets the error member of
-- the union; every check comes before the first write, so a refused call changes nothing. The rows
-- are cast because PL/pgSQL does not type a ROW(...) of bare literals by the declared result.
CREATE FUNCTION app.create_book(input jsonb) RETURNS app.mutation_response LANGUAGE plpgsql AS $$
DECLARE
    new_id uuid;
BEGIN
    IF coalesce(btrim(input ->> 'title'), '') = '' THEN
        RETURN ROW('validation:title_required', 'a book needs a title', NULL, 'Book', NULL, NULL, NULL,
                   NULL)::app.mutation_response;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM tb_author WHERE id = (input ->> 'author_id')::uuid) THEN
        RETURN ROW('not_found:author', 'no author with id ' || (input ->> 'author_id'), NULL, 'Author', NULL,
                   NULL, NULL, NULL)::app.mutation_response;
    END IF;
    INSERT INTO tb_book (author_id, title, published_on, pages)
    VALUES ((input ->> 'author_id')::uuid, input ->> 'title', (input ->> 'published_on')::date,
            (input ->> 'pages')::int)
    RETURNING id INTO new_id;
    PERFORM app.refresh_tv_book(ARRAY[new_id]);
    RETURN ROW('created', 'book created', new_id::text, 'Book', (SELECT data FROM tv_book WHERE id = new_id),
               ARRAY['title', 'author_id', 'published_on', 'pages'], NULL, NULL)::app.mutation_response;
END
$$;

-- Changes the fields the input names; updated_fields lists them.
CREATE FUNCTION app.update_book(input jsonb) RETURNS app.mutation_response LANGUAGE plpgsql AS $$
DECLARE
    book_id uuid := (input ->> 'id')::uuid;
    changed text[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM tb_book WHERE id = book_id) THEN
        RETURN ROW('not_found:book', 'no book with id ' || book_id, NULL, 'Book', NULL, NULL, NULL,
                   NULL)::app.mutation_response;
    END IF;
    IF input ? 'title' AND coalesce(btrim(input ->> 'title'), '') = '' THEN
        RETURN ROW('validation:title_required', 'a book needs a title', book_id::text, 'Book', NULL, NULL, NULL,
                   NULL)::app.mutation_response;
    END IF;
    SELECT array_agg(key ORDER BY key) INTO changed
      FROM jsonb_object_keys(input) AS key WHERE key IN ('title', 'published_on', 'pages');
    UPDATE tb_book
       SET title = CASE WHEN input ? 'title' THEN input ->> 'title' ELSE title END,
           published_on = CASE WHEN input ? 'published_on' THEN (input ->> 'published_on')::date ELSE published_on END,
           pages = CASE WHEN input ? 'pages' THEN (input ->> 'pages')::int ELSE pages END
     WHERE id = book_id;
    PERFORM app.refresh_tv_book(ARRAY[book_id]);
    RETURN ROW('updated', 'book updated', book_id::text, 'Book', (SELECT data FROM tv_book WHERE id = book_id),
               coalesce(changed, ARRAY[]::text[]), NULL, NULL)::app.mutation_response;
END
$$;

-- Deletes a book (its copies go with it) and answers with the book as it was.
CREATE FUNCTION app.delete_book(input jsonb) RETURNS app.mutation_response LANGUAGE plpgsql AS $$
DECLARE
    book_id uuid := (input ->> 'id')::uuid;
    old_data jsonb;
BEGIN
    SELECT data INTO old_data FROM tv_book WHERE id = book_id;
    IF NOT EXISTS (SELECT 1 FROM tb_book WHERE id = book_id) THEN
        RETURN ROW('not_found:book', 'no book with id ' || book_id, NULL, 'Book', NULL, NULL, NULL,
                   NULL)::app.mutation_response;
    END IF;
    DELETE FROM tb_book WHERE id = book_id;
    PERFORM app.refresh_tv_book(ARRAY[book_id]);
    RETURN ROW('deleted', 'book deleted', book_id::text, 'Book', old_data, NULL, NULL, NULL)::app.mutation_response;
END
$$;
