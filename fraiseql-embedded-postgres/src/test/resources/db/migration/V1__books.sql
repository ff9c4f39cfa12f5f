CREATE TABLE tb_book (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);
CREATE VIEW v_book AS SELECT id, jsonb_build_object('id', id, 'title', title) AS data FROM tb_book;
INSERT INTO tb_book (title) VALUES ('Dune'), ('Emma');
