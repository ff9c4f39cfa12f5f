CREATE TABLE IF NOT EXISTS tb_book (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);
CREATE OR REPLACE VIEW v_book AS SELECT id, jsonb_build_object('id', id, 'title', title) AS data FROM tb_book;
INSERT INTO tb_book (title) SELECT 'Ubik' WHERE NOT EXISTS (SELECT 1 FROM tb_book);
