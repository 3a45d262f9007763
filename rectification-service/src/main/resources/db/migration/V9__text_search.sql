-- The ledger's search box (ItemQueries, filter q) finds items whose summary or subject contains the
-- words typed. As lower(...) LIKE '%…%' over three columns it read every item of the division:
-- 360-410 ms for a county's three years (bench/county.sh). A trigram index does not serve Chinese,
-- whose words are mostly of two characters (铁锨, 雨衣, 沙袋), so the index here is of character
-- pairs (and of single characters): an item can contain the words only if it contains each of their
-- pairs, which a GIN index answers; strpos then confirms the words themselves.

-- What is searched: the summaries and the subject, lower case, separated so that no match spans two.
CREATE FUNCTION item_search_text(summary_zh text, summary_en text, subject_label text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(coalesce(summary_zh, '') || chr(31) || coalesce(summary_en, '') || chr(31)
                 || coalesce(subject_label, ''))
$$;

-- An item's keys: the distinct characters of its text and the distinct pairs of adjacent ones.
CREATE FUNCTION search_keys(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT k), '{}')
    FROM (SELECT substr(t, i, 1) AS k FROM generate_series(1, length(t)) AS i
          UNION ALL
          SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) AS keys
$$;

-- The keys an item must have to contain the words: their pairs, or the character itself when the
-- words are one character.
CREATE FUNCTION search_words(w text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN length(w) < 2 THEN ARRAY[w]
                ELSE ARRAY(SELECT DISTINCT substr(w, i, 2) FROM generate_series(1, length(w) - 1) AS i) END
$$;

-- Whether the item's text contains the words. Written as one SQL expression so that PostgreSQL
-- inlines it into the query, where its first half matches rectification_item_text.
CREATE FUNCTION item_matches(summary_zh text, summary_en text, subject_label text, words text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_keys(item_search_text(summary_zh, summary_en, subject_label)) @> search_words(lower(words))
       AND strpos(item_search_text(summary_zh, summary_en, subject_label), lower(words)) > 0
$$;

CREATE INDEX rectification_item_text ON rectification_item
    USING gin (search_keys(item_search_text(summary_zh, summary_en, subject_label)));
