/*
 * tuning.h - every tuned constant of the library in one place.
 *
 * Each was chosen by measurement on development data (tests/eval/run.sh
 * writes tests/eval/results.md; the sweeps are in docs/quality.md and
 * docs/translation.md) and is reported on held-out data.  The thresholds a
 * user may want to change are wt_options fields instead (wiretrace.h,
 * defaults in wt_options_init()): shingle size, window, permutations, the
 * class thresholds, the evidence floor and the translation share.  What
 * stays here shapes the search itself: changing one changes which pairs
 * are looked at or how work is bounded, and needs a new measurement.
 * Internal.
 */
#ifndef WT_TUNING_H
#define WT_TUNING_H

/* ---- paragraphs (paragraph.c) ---------------------------------------- */

/* A line this long (UTF-16 units) or longer that runs into the next line
 * is a hard wrap to join; a shorter one is a heading or a list item. */
#define WT_WRAPPED_LINE_MIN 40
/* Short section labels ("Top 10 Stories") have at most this many words. */
#define WT_LABEL_MAX_WORDS 4
/* Boilerplate patterns are tried on paragraphs up to this many UTF-16
 * units: longer ones are text (and regex work grows with length). */
#define WT_BOILER_MAX_UNITS 400
/* A lone author line is looked for in the last this many paragraphs. */
#define WT_AUTHOR_TAIL 3
/* Indented and flush lines needed before indents mark paragraphs. */
#define WT_INDENT_MIN 2

/* ---- languages (langid.c, langset.c) --------------------------------- */

/* CLD2's share of the text below which its answer is not taken and the
 * script decides. */
#define WT_CLD2_MIN_PERCENT 30
/* A paragraph in the document's script gets a language of its own only
 * when CLD2 is this sure, over this many letters. */
#define WT_PARA_LANG_MIN_PERCENT 90
#define WT_PARA_LANG_MIN_LETTERS 150

/* ---- matching (match.c) ---------------------------------------------- */

/* Numbers weigh this much more than a word of the same frequency. */
#define WT_NUMBER_BOOST 1.5
/* Positions followed per shared word pair: bounds repeated words. */
#define WT_MAX_CHAIN 64
/* Words of runs collected per word of a pair.  Text made of one repeated
 * word has a maximal run on every diagonal, quadratic in all; ordinary
 * text stays far below this. */
#define WT_RUN_WORK_PER_WORD 16
/* A shared span of this many content words is a copy link on its own,
 * however small a share of either paragraph it is. */
#define WT_RUN_LINK_MIN 8
/* ... when that many of its words are not names or numbers: a long title
 * and name ("Principal Deputy National Security Adviser Kim Tae-hyo") is
 * shared by stories that share nothing else. */
#define WT_RUN_LINK_PLAIN_MIN 2
/* Shared content stems a rewrite needs at least. */
#define WT_REWRITE_MIN_SHARED 4
/* A rewrite's shared weight outside names and titles, in units of
 * evidence_min (wt_options): a shared title and name is not a rewrite. */
#define WT_REWRITE_PLAIN_SHARE 0.5

/* A rewrite whose names and numbers agree (a number shared, no name or
 * number the other document lacks on either side) needs this share of
 * rewrite_min; one where each side names a name or number the other
 * document lacks needs this many times evidence_min of shared weight
 * (tests/eval/notes.md). */
#define WT_AGREE_REWRITE 0.75
#define WT_DISAGREE_EVIDENCE 1.25

/* Words of a shared span that follow one another in this many documents
 * or more are a template (a formula, a stock phrase).  When the names or
 * numbers next to the span differ, the pair must pass the evidence floor
 * without them.  3 removes a few more formula links on Reuters but costs
 * METER recall; 10 keeps half of them (docs/quality.md). */
#define WT_TEMPLATE_DOCS 5
/* Words looked at on each side of a shared span for names or numbers
 * that differ (the slot of a formula: "fell to 109,200 short tons"). */
#define WT_SLOT_WORDS 4

/* ---- links (link.c) -------------------------------------------------- */

/* Sources one paragraph keeps in one other document, each explaining a
 * different part of it (a paragraph built from two of the source's). */
#define WT_SOURCES_PER_DOC 3

/* ---- candidates across documents (analyze.c) ------------------------- */

/* Stems held by more paragraphs make no candidates. */
#define WT_POSTING_CAP 256
/* A shingle held by more paragraphs pairs each holder with the run's hubs
 * only (analyze.c), this many, one per document. */
#define WT_HUB_RUN 256
#define WT_HUB_COUNT 8
/* A pair is scored when the rare weight it shares is this share of the
 * smaller paragraph's weight (a shared shingle always is). */
#define WT_CANDIDATE_SHARE 0.2
/* Candidates are scored in rounds of WT_SCORE_BLOCKS blocks of
 * WT_SCORE_BLOCK paragraphs, the blocks shared among the threads
 * (wt_options.threads, at most WT_THREADS_MAX): small blocks balance the
 * work, a round bounds the scores held before they are recorded. */
#define WT_SCORE_BLOCK 32
#define WT_SCORE_BLOCKS 512
#define WT_THREADS_MAX 256
/* Arrays of this many keys or records or more are spread into parts by
 * key before they are sorted (sort.h: the postings, the word pairs of all
 * documents, the pairs noted by link.c); smaller ones are sorted whole. */
#define WT_SPREAD_MIN 65536
/* Earlier holders of a shingle tried as the paragraph a later one
 * repeats, inside one document. */
#define WT_DUP_FIRST 8

/* ---- translations (translate.c) -------------------------------------- */

/* Words in a lexicon headword, English stems kept per headword. */
#define WT_LEX_MAX_HEAD 4
#define WT_LEX_MAX_KEYS 8
/* Bytes of lexicon lines decoded at once (not tuned: memory only). */
#define WT_LEX_CHUNK ((size_t)1 << 20)
/* Pivot keys held by more paragraphs make no candidates. */
#define WT_TR_POSTING_CAP 256
/* A pair in two languages is scored when the weight it shares is this
 * share of the smaller side's. */
#define WT_TR_CANDIDATE_SHARE 0.1
/* The share each side finds of itself in the other, with support from
 * another strong pair of the same two documents (wt_options'
 * translation_min is the share without support). */
#define WT_TR_WEAK_SHARE 0.1
/* The same, for a pair between two linked neighbours (paragraph order). */
#define WT_TR_ORDER_SHARE 0.1
/* Matched words a strong link needs, and a supported one. */
#define WT_TR_MIN_UNITS 3
#define WT_TR_MIN_WEAK_UNITS 2
/* A link under this share of either side's best score in the other's
 * language is dropped: a paragraph has one translation per language. */
#define WT_TR_BEST_RATIO 0.9

/* ---- the archive index (index.c) ------------------------------------- */

/* One winnowed fingerprint in this many is stored. */
#define WT_IX_FP_SAMPLE 4
/* MinHash slots per LSH band. */
#define WT_IX_BAND_ROWS 8
/* A key held by more stored articles (a formula, or a story hundreds
 * reprinted) leads to the first WT_IX_HUBS articles stored with it only. */
#define WT_IX_POSTING_CAP 1000
#define WT_IX_HUBS 16
/* The hits whose times are read: this many times candidates
 * (wt_index_options), more while a hit has half the best one's evidence,
 * at most WT_IX_TIME_POOL_MAX; of those, the WT_IX_ORIGIN_SLOTS earliest
 * published are loaded first (the wire among its reprints). */
#define WT_IX_TIME_POOL 4
#define WT_IX_TIME_POOL_MAX 4096
#define WT_IX_ORIGIN_SLOTS 2
/* Hits loaded first for the number of too common keys that led to them. */
#define WT_IX_HUB_SLOTS 2
/* Bytes of analyzed stored documents an index handle keeps between
 * queries (wt_index_options.cache_bytes): some 600 news-length articles,
 * about 50 KB each once analyzed. */
#define WT_IX_CACHE_BYTES ((size_t)32 << 20)

/* Web pages (html_main.c), chosen on the development split of the article
 * extraction benchmark (tests/eval/extraction_results.md). */
/* A block scores for its ancestors from this many UTF-16 units on. */
#define WT_HTML_SCORE_MIN_UNITS 25
/* Siblings of the best container join it from this share of its score. */
#define WT_HTML_SIBLING_SHARE 0.2
/* ... also beside an element holding at most this many times the best
 * container's text (a wrapper of it). */
#define WT_HTML_WRAPPER_SHARE 1.25
/* A sibling holding a container that scores this share of the best one's
 * is a part of the article wrapped apart. */
#define WT_HTML_PART_SHARE 0.7
/* A block with more of its text in links than this is navigation. */
#define WT_HTML_LINK_MAX 0.33
/* ... or than this for a block of this many units or more. */
#define WT_HTML_LONG_LINK_MAX 0.6
#define WT_HTML_LONG_UNITS 150
/* JSON-LD: a block is the article's when this share of its 4-word
 * shingles is in articleBody; the body is used when the blocks found
 * hold this share of its shingles. */
#define WT_HTML_LD_BLOCK_SHARE 0.5
#define WT_HTML_LD_COVER_MIN 0.7
/* Blocks of the element holding the body's blocks join them from this
 * many words on (shorter ones are labels: a date, "Share"). */
#define WT_HTML_WIDEN_MIN_WORDS 4
/* The element marked itemprop="articleBody" is the article when it holds
 * this many units of text outside links. */
#define WT_HTML_MICRODATA_MIN_UNITS 200
/* A block of at most this many words found twice on a page is a label
 * ("Advertisement", "Photo: AP"), not the article's. */
#define WT_HTML_LABEL_MAX_WORDS 4
/* jusText: stopword share of a block of running text. */
#define WT_HTML_STOP_GOOD 0.3
/* Elements nested deeper than this in a page are not made (html.c): their
 * text goes to the element at this depth, so that a page of tables nested
 * thousands deep keeps its text in bounded time and memory. */
#define WT_HTML_DEPTH_MAX 512
/* The parse of a page stops at this many open elements, what came before
 * kept: libxml2 looks through all of them for each end tag it reads. */
#define WT_HTML_OPEN_MAX 4096

#endif
