-- Loaded after library-100k.sql by the peers benchmark (whole file, one batch; safe to run again).
-- Writes for the mutation workload: every contender inserts into the normalized tb_book; FraiseQL's function
-- also keeps the tv_book read model current, which is the cost the read model moves from reads to writes.
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

-- The row a FraiseQL mutation function answers with (docs/graphql.md, "Mutations").
CREATE TYPE bench.mutation_response AS (
    status text,
    message text,
    entity_id text,
    entity_type text,
    entity jsonb,
    updated_fields text[],
    cascade jsonb,
    metadata jsonb
);

-- Clients of the conventional app and of PostGraphile create books without choosing the uuid.
ALTER TABLE tb_book ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- Inserts the book and answers with its document built by v_book; keep_read_model says whether the
-- document is also stored in tv_book, so the two variants differ only by the read-model write.
CREATE FUNCTION bench.insert_book(input jsonb, keep_read_model boolean) RETURNS bench.mutation_response
LANGUAGE plpgsql AS $$
DECLARE
    new_id uuid;
    doc jsonb;
BEGIN
    INSERT INTO tb_book (fk_author, title, price, page_count, published_year, is_available, tags, rating)
    SELECT a.pk_author, input->>'title', (input->>'price')::numeric, (input->>'page_count')::int,
           (input->>'published_year')::int, (input->>'is_available')::boolean,
           ARRAY(SELECT jsonb_array_elements_text(input->'tags')), (input->>'rating')::float8
      FROM tb_author a
     WHERE a.id = (input->>'author_id')::uuid
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RETURN ROW('not_found:author', 'no author with id ' || (input->>'author_id'), NULL, 'Author', NULL,
                   NULL, NULL, NULL)::bench.mutation_response;
    END IF;
    IF keep_read_model THEN
        INSERT INTO tv_book (id, data) SELECT v.id, v.data FROM v_book v WHERE v.id = new_id
        ON CONFLICT (id) DO UPDATE SET data = excluded.data
        RETURNING data INTO doc;
    ELSE
        SELECT v.data INTO doc FROM v_book v WHERE v.id = new_id;
    END IF;
    RETURN ROW('created', 'book created', new_id::text, 'Book', doc,
               ARRAY['title', 'author_id', 'price', 'page_count', 'published_year', 'is_available', 'tags',
                     'rating'], NULL, NULL)::bench.mutation_response;
END
$$;

-- What the FraiseQL schema binds createBook to: the write plus the tv_book refresh.
CREATE FUNCTION bench.create_book(input jsonb) RETURNS bench.mutation_response
LANGUAGE sql AS $$ SELECT bench.insert_book(input, true) $$;

-- The same write without the read model, to show what keeping tv_book current costs.
CREATE FUNCTION bench.create_book_write_only(input jsonb) RETURNS bench.mutation_response
LANGUAGE sql AS $$ SELECT bench.insert_book(input, false) $$;

-- Removes what the mutation workload added, so every workload reads the same 100 000 books.
CREATE FUNCTION bench.remove_created_books() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM tv_book t USING tb_book b WHERE b.id = t.id AND b.pk_book > 100000;
    DELETE FROM tb_book WHERE pk_book > 100000;
$$;
