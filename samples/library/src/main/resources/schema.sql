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
