-- Recall@10 of 20 stored passages as queries at ef_search 100 / 200 / 400 against exact search, in one sequential pass
-- (issue 21, session 28): psql -d assistant_scale_1000000 -f benchmarks/Assistant.Benchmarks/dense-recall.sql
\timing on
SET max_parallel_workers_per_gather = 0;
SET statement_timeout = 0;
CREATE TEMP TABLE q AS SELECT row_number() OVER (ORDER BY id) AS i, embedding AS v FROM corpus_passages WHERE id % 4999 = 7 ORDER BY id LIMIT 20;
CREATE TEMP TABLE ap (ef int, i int, id bigint, d float8);
DO $$ DECLARE e int; r record; BEGIN
 FOREACH e IN ARRAY ARRAY[100,200,400] LOOP
  EXECUTE format('SET LOCAL hnsw.ef_search = %s', e);
  FOR r IN SELECT i, v FROM q LOOP
    INSERT INTO ap SELECT e, r.i, p.id, p.embedding <=> r.v FROM corpus_passages p ORDER BY p.embedding <=> r.v LIMIT 10;
  END LOOP;
 END LOOP; END $$;
SELECT ef, count(*) FROM ap GROUP BY ef ORDER BY ef;
CREATE TEMP TABLE t AS SELECT i, max(d) AS t FROM ap GROUP BY i;
CREATE TEMP TABLE exc AS SELECT q.i, p.id, p.embedding <=> q.v AS d FROM corpus_passages p CROSS JOIN q JOIN t USING (i) WHERE (p.embedding <=> q.v) <= t.t + 1e-6;
SELECT count(*) FROM exc;
CREATE TEMP TABLE tenth AS SELECT i, d FROM (SELECT i, d, row_number() OVER (PARTITION BY i ORDER BY d) rn FROM exc) s WHERE rn = 10;
SELECT ef, round(avg(r)::numeric, 3) AS recall FROM (SELECT a.ef, a.i, least(1.0, count(*) FILTER (WHERE a.d <= x.d + 1e-6) / 10.0) AS r FROM ap a JOIN tenth x USING (i) GROUP BY a.ef, a.i) s GROUP BY ef ORDER BY ef;
SELECT a.ef, a.i, count(*) FILTER (WHERE a.d <= x.d + 1e-6) AS hits, round(x.d::numeric,4) AS d10 FROM ap a JOIN tenth x USING (i) GROUP BY a.ef, a.i, x.d HAVING count(*) FILTER (WHERE a.d <= x.d + 1e-6) < 10 ORDER BY 1, 2;
