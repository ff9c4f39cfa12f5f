-- 200 books shaped exactly like the shared library data set (nested author, ~3 reviews each), for the
-- in-process benchmark, which records PostgreSQL's answers once and then serves them from memory.
CREATE TABLE tb_author(pk_author serial PRIMARY KEY, id uuid UNIQUE NOT NULL, name text NOT NULL, country text);
CREATE TABLE tb_book(pk_book serial PRIMARY KEY, id uuid UNIQUE NOT NULL, fk_author int NOT NULL REFERENCES tb_author(pk_author),
  title text NOT NULL, price numeric(10,2), page_count int, published_year int, is_available bool, tags text[], rating float8);
CREATE TABLE tb_review(pk_review serial PRIMARY KEY, id uuid NOT NULL, fk_book int NOT NULL REFERENCES tb_book(pk_book),
  stars int, reviewer_name text);
SELECT setseed(0.42);
INSERT INTO tb_author(id, name, country)
SELECT md5('author' || i)::uuid, 'Author ' || substr(md5('an' || i), 1, 10),
       (ARRAY['US','UK','FR','DE','JP','BR','IN','CA','ES','IT'])[1 + floor(random() * 10)::int]
FROM generate_series(1, 50) i;
INSERT INTO tb_book(id, fk_author, title, price, page_count, published_year, is_available, tags, rating)
SELECT md5('book' || i)::uuid, 1 + floor(random() * 50)::int,
       initcap(substr(md5('title' || i), 1, 8)) || ' ' || substr(md5('t2' || i), 1, 12),
       round((5 + random() * 95)::numeric, 2), 50 + floor(random() * 950)::int, 1950 + floor(random() * 75)::int,
       random() < 0.8,
       (ARRAY['fiction','science','history','poetry','fantasy','crime','biography','travel'])[1:1 + floor(random() * 3)::int],
       round((1 + random() * 4)::numeric, 2)::float8
FROM generate_series(1, 200) i;
INSERT INTO tb_review(id, fk_book, stars, reviewer_name)
SELECT md5('review' || i)::uuid, 1 + floor(random() * 200)::int, 1 + floor(random() * 5)::int,
       'Reviewer ' || substr(md5('rn' || i), 1, 8)
FROM generate_series(1, 600) i;
CREATE TABLE tv_book AS
SELECT b.id, jsonb_build_object(
         'id', b.id, 'title', b.title, 'price', b.price, 'page_count', b.page_count,
         'published_year', b.published_year, 'is_available', b.is_available, 'tags', b.tags, 'rating', b.rating,
         'author', jsonb_build_object('id', a.id, 'name', a.name, 'country', a.country),
         'reviews', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'stars', r.stars,
                                                                  'reviewer_name', r.reviewer_name) ORDER BY r.pk_review)
                              FROM tb_review r WHERE r.fk_book = b.pk_book), '[]'::jsonb)) AS data
FROM tb_book b JOIN tb_author a ON a.pk_author = b.fk_author;
ALTER TABLE tv_book ADD PRIMARY KEY (id);
