INSERT INTO author (id, name, born) VALUES
    (1, 'Ursula K. Le Guin', 1929),
    (2, 'Octavia E. Butler', 1947),
    (3, 'Stanisław Lem', 1921)
ON CONFLICT (id) DO NOTHING;

INSERT INTO book (id, author_id, title, published_on, pages) VALUES
    (1, 1, 'A Wizard of Earthsea', '1968-11-01', 183),
    (2, 1, 'The Left Hand of Darkness', '1969-03-01', 286),
    (3, 2, 'Kindred', '1979-06-01', 264),
    (4, 3, 'Solaris', '1961-01-01', 204)
ON CONFLICT (id) DO NOTHING;

INSERT INTO tv_book (id, author_id, data)
SELECT id, author_id, data FROM v_book
ON CONFLICT (id) DO UPDATE SET author_id = EXCLUDED.author_id, data = EXCLUDED.data;
