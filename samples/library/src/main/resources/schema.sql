CREATE TABLE IF NOT EXISTS author (
    id int PRIMARY KEY,
    name text NOT NULL,
    born int
);

CREATE TABLE IF NOT EXISTS book (
    id int PRIMARY KEY,
    author_id int NOT NULL REFERENCES author (id),
    title text NOT NULL,
    published_on date,
    pages int
);

-- The read model: one JSONB document per book, nested author included.
CREATE OR REPLACE VIEW v_book AS
SELECT b.id,
       b.author_id,
       jsonb_build_object(
           'id', b.id,
           'title', b.title,
           'published_on', b.published_on,
           'pages', b.pages,
           'author', jsonb_build_object('id', a.id, 'name', a.name)) AS data
  FROM book b
  JOIN author a ON a.id = b.author_id;

-- The same documents materialized, so filters and sorts can use indexes.
CREATE TABLE IF NOT EXISTS tv_book (
    id int PRIMARY KEY,
    author_id int NOT NULL,
    data jsonb NOT NULL
);

-- Writes go through functions that answer with a mutation_response row. A table defines the row type
-- because CREATE TABLE IF NOT EXISTS keeps this script idempotent (CREATE TYPE has no IF NOT EXISTS).
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE IF NOT EXISTS app.mutation_response (
    status text,
    message text,
    entity_id text,
    entity_type text,
    entity jsonb,
    updated_fields text[],
    cascade jsonb,
    metadata jsonb
);

-- One statement (no semicolons inside) so that Spring's script runner can load it: insert the book,
-- refresh its tv_book document, and answer created, validation:* or not_found:*.
CREATE OR REPLACE FUNCTION app.create_book(input jsonb) RETURNS app.mutation_response LANGUAGE sql AS $$
    WITH inserted AS (
        INSERT INTO book (id, author_id, title, published_on, pages)
        SELECT n.next_id, (input->>'author_id')::int, input->>'title',
               (input->>'published_on')::date, (input->>'pages')::int
          FROM (SELECT coalesce(max(b.id), 0) + 1 AS next_id FROM book b) n
         WHERE coalesce(input->>'title', '') <> ''
           AND EXISTS (SELECT 1 FROM author a WHERE a.id = (input->>'author_id')::int)
        RETURNING id, author_id, title, published_on, pages
    ), document AS (
        INSERT INTO tv_book (id, author_id, data)
        SELECT i.id, i.author_id,
               jsonb_build_object('id', i.id, 'title', i.title, 'published_on', i.published_on, 'pages', i.pages,
                                  'author', jsonb_build_object('id', a.id, 'name', a.name))
          FROM inserted i JOIN author a ON a.id = i.author_id
        RETURNING id, data
    )
    SELECT CASE
        WHEN EXISTS (SELECT 1 FROM document) THEN
            ROW('created', 'book created', (SELECT id::text FROM document), 'Book', (SELECT data FROM document),
                ARRAY['title', 'author_id', 'published_on', 'pages'], NULL, NULL)::app.mutation_response
        WHEN coalesce(input->>'title', '') = '' THEN
            ROW('validation:title_required', 'a book needs a title', NULL, 'Book', NULL, NULL, NULL,
                NULL)::app.mutation_response
        ELSE
            ROW('not_found:author', 'no author with id ' || (input->>'author_id'), NULL, 'Author', NULL, NULL,
                NULL, NULL)::app.mutation_response
    END
$$;
