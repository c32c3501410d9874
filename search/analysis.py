"""One Chinese text analysis for every search backend, at index time and at query time.

Index time turns a text into a space-separated run of tokens that any whitespace-splitting full-text
engine (SQLite FTS5 unicode61, PostgreSQL's `simple` configuration, Elasticsearch's `whitespace`
analyzer) indexes one token per token:

- normalisation: traditional → simplified (OpenCC t2s), full-width → half-width (NFKC), case folding;
- words from jieba (search mode, with the portal's domain dictionary in `data/userdict.txt`);
- two-character chunks of every run of Chinese characters, so that a segmentation mistake on either
  side does not lose a match;
- full pinyin of each word (`shitang` finds 食堂); for autocomplete also the pinyin initials (`st`),
  which are too ambiguous for search.

Query time builds a *plan*: a list of groups that must all match (AND); each group is a list of
alternatives (OR): the word itself, its two-character chunks, and its synonyms from the editable
synonym table. Synonyms are applied only at query time, so editing them needs no re-index. A change
of this module's logic or of the domain dictionary changes `ANALYSIS_VERSION`, which makes
`manage.py search_check` report a stale index and `search_rebuild` (and the demo loader) re-index.
"""

import hashlib
import re
import threading
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

USERDICT = Path(__file__).resolve().parent / "data" / "userdict.txt"

# Bump when the analysis logic changes; the domain dictionary's contents are hashed in too.
ANALYSIS_LOGIC = "4"  # query-side changes (the plan) need no re-index and keep the version

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
IS_HAN = re.compile(f"^[{HAN}]+$")
LATIN_OR_DIGIT = re.compile(r"^[a-z0-9]+$")
TOKEN_CHARS = re.compile(f"[{HAN}]+|[a-z0-9]+")

# Function words that carry no meaning in a resident's question ("哪里可以报修漏水的问题").
STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 是 我 你 他 她 我们 要 想 请 请问 怎么 怎样 如何 哪里 哪儿 哪个 什么 吗 呢 吧 啊 "
    "可以 能 能否 有 有没有 没有 一下 一个 这个 那个 把 被 给 都 也 就 还 又 很 对 从 到 为 为了 "
    "the a an of and or to in for on is are".split()
)

_PINYIN_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_PINYIN_FINALS = (
    "a o e i u v ai ei ui ao ou iu ie ve er an en in un vn ang eng ing ong ia iao ian iang iong ua uo uai uan uang ue"
).split()
PINYIN_SYLLABLES = frozenset(
    [i + f for i in _PINYIN_INITIALS for f in _PINYIN_FINALS]
    + _PINYIN_FINALS
    + ["yi", "wu", "yu", "ye", "yue", "yuan", "yin", "yun", "ying", "wa", "wo", "wai", "wei", "wan", "wen"]
    + ["wang", "weng", "ya", "yao", "yan", "yang", "you", "yong", "zhi", "chi", "shi", "ri", "zi", "ci", "si"]
)


@lru_cache(maxsize=1)
def analysis_version():
    """Identifies the analysis: logic version plus a hash of the domain dictionary."""
    digest = hashlib.sha256(USERDICT.read_bytes()).hexdigest()[:10]
    return f"{ANALYSIS_LOGIC}-{digest}"


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


_tokenizer = None
_tokenizer_lock = threading.Lock()


def tokenizer():
    """The shared jieba tokenizer with the domain dictionary loaded (built once per process)."""
    global _tokenizer
    if _tokenizer is None:
        with _tokenizer_lock:
            if _tokenizer is None:
                import logging

                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.load_userdict(str(USERDICT))
                _tokenizer = tk
    return _tokenizer


def warm_up():
    """Load jieba's dictionary, OpenCC and pypinyin now (about a second) instead of in the first search.

    `search.apps` registers it with `portal.warmup`, which `portal/wsgi.py` runs: with gunicorn's
    preload the master loads them once and every worker starts with them, so the first resident to
    search after a deploy or a worker restart does not wait.
    """
    index_text("預熱 维修 shitang")


def normalize(text):
    """Traditional → simplified, full-width → half-width, case folded; whitespace collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    if HAN_RUN.search(text):
        text = _converter().convert(text)
    return " ".join(text.casefold().split())


def is_han(token):
    return bool(IS_HAN.match(token))


def bigrams(word):
    """Overlapping two-character chunks of a run of Chinese characters (the run itself if shorter)."""
    if len(word) < 2:
        return [word] if word else []
    return [word[i : i + 2] for i in range(len(word) - 1)]


@lru_cache(maxsize=20000)
def full_pinyin(word):
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(word))


@lru_cache(maxsize=20000)
def pinyin_initials(word):
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER))


def words(normalized, search_mode=True):
    """jieba words of an already normalised text, keeping only Chinese words and latin/digit runs."""
    tk = tokenizer()
    cut = tk.cut_for_search(normalized) if search_mode else tk.cut(normalized)
    out = []
    for token in cut:
        token = token.strip()
        if not token:
            continue
        if is_han(token) or LATIN_OR_DIGIT.match(token):
            out.append(token)
        else:
            # Mixed tokens ("a座", "3号楼") and punctuation: keep the Chinese and latin parts.
            out.extend(TOKEN_CHARS.findall(token))
    return out


def index_parts(text):
    """The analysis of `text` in parts: normalised text, words, two-character chunks, pinyin, initials."""
    return dict(_index_parts(str(text) if text else ""))


@lru_cache(maxsize=4096)
def _index_parts(text):
    # Cached (a title is analysed for search and for autocomplete), hence tuples.
    norm = normalize(text)
    if not norm:
        return {"text": "", "words": (), "bigrams": (), "pinyin": (), "initials": ()}
    ws = tuple(words(norm))
    chunks = tuple(chunk for run in HAN_RUN.findall(norm) for chunk in bigrams(run))
    han_words = [w for w in ws if is_han(w) and len(w) >= 2]
    return {
        "text": norm,
        "words": ws,
        "bigrams": chunks,
        "pinyin": tuple(full_pinyin(w) for w in han_words),
        "initials": tuple(pinyin_initials(w) for w in han_words),
    }


def index_tokens(text, autocomplete=False):
    """The tokens to index for `text` (a list; join with spaces for a full-text column)."""
    parts = index_parts(text)
    tokens = [*parts["words"], *parts["bigrams"], *parts["pinyin"]]
    if autocomplete:
        tokens += parts["initials"]
    return tokens


def index_text(text, autocomplete=False):
    return " ".join(index_tokens(text, autocomplete=autocomplete))


# ---------------------------------------------------------------------------------------------
# Query side


@dataclass(frozen=True)
class Alternative:
    """One way a query word may match: all `tokens` present (AND)."""

    tokens: tuple
    kind: str = "word"  # "word", or "chunks" for the two-character fall-back of a longer word

    @property
    def text(self):
        return " ".join(self.tokens)


@dataclass
class QueryPlan:
    """AND over groups, OR over each group's alternatives; `highlight` lists the strings to mark."""

    groups: list = field(default_factory=list)
    highlight: list = field(default_factory=list)
    normalized: str = ""

    def __bool__(self):
        return bool(self.groups)

    @property
    def uses_synonyms(self):
        return any(alt.kind == "synonym" for group in self.groups for alt in group)


_use_synonyms = ContextVar("portal_search_use_synonyms", default=True)
_synonym_source = dict  # no synonyms until the search app plugs in its table (`use_synonyms_from`)


def use_synonyms_from(source):
    """Where plans find synonyms: a callable answering {word: [other words]}.

    `search.apps` plugs in `synonyms.synonym_map` (the editable table) when Django starts, so this
    module, the bottom of the search package, imports nothing of it (no import circle).
    """
    global _synonym_source
    _synonym_source = source


@contextmanager
def without_synonyms():
    """Plans built inside this block ignore the synonym table (to rank exact matches first)."""
    token = _use_synonyms.set(False)
    try:
        yield
    finally:
        _use_synonyms.reset(token)


def _sub_words(word):
    """The fewest dictionary words of 2+ characters that cover `word` end to end (None if none do).

    "长者食堂" → ("长者", "食堂"), "居家养老" → ("居家", "养老"): the words a compound is made of.
    """
    freq = tokenizer().FREQ
    n = len(word)
    best = {0: ()}
    for start in range(n):
        if start not in best:
            continue
        for end in range(start + 2, n + 1 - (start == 0)):  # never the whole word itself
            piece = word[start:end]
            if freq.get(piece) and (end not in best or len(best[end]) > len(best[start]) + 1):
                best[end] = (*best[start], piece)
    return best.get(n)


def _chunk_tokens(word):
    """Tokens that all must match when the word itself does not: never a chunk across a word boundary.

    A compound ("长者食堂") is split into its words, each of which may stand anywhere in the page
    (each word of 3+ characters by its own chunks); a word with no parts in the dictionary
    ("恳谈会" when unknown) by its own two-character chunks.
    """
    parts = _sub_words(word) or (word,)
    tokens = [chunk for part in parts for chunk in (bigrams(part) if len(part) >= 3 else [part])]
    return tuple(dict.fromkeys(tokens))


def _alternatives_for_word(word, synonyms):
    """The word, its chunks (for words of 3+ characters, see `_chunk_tokens`) and its synonyms."""
    forms = [word]
    for syn in synonyms.get(word, ()):
        if syn not in forms:
            forms.append(syn)
    alts = []
    for n, form in enumerate(forms):
        alts.append(Alternative((form,), kind="word" if n == 0 else "synonym"))
        if is_han(form) and len(form) >= 3:
            alts.append(Alternative(_chunk_tokens(form), kind="chunks"))
    return forms, alts


def _merge_pinyin(tokens):
    """Join runs of latin pinyin syllables typed with spaces ("shi tang" → "shitang")."""
    out, run = [], []
    for tok in tokens:
        if tok in PINYIN_SYLLABLES:
            run.append(tok)
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(tok)
    if run:
        out.append("".join(run))
    return out


def query_plan(query_string, synonyms=None):
    """Analyse a user's query into a `QueryPlan` (empty when nothing searchable is left)."""
    if synonyms is None:
        synonyms = _synonym_source() if _use_synonyms.get() else {}
    norm = normalize(query_string)
    plan = QueryPlan(normalized=norm)
    if not norm:
        return plan
    tk = tokenizer()
    for term in synonyms:
        if is_han(term) and len(term) >= 2 and term not in tk.FREQ:
            tk.add_word(term, 2000)
    raw = words(norm, search_mode=False)
    raw = [t for t in raw if t not in STOPWORDS]
    latin = [t for t in raw if not is_han(t)]
    if len(latin) >= 2 and len(latin) == len(raw):
        raw = _merge_pinyin(raw)
    seen = set()
    for token in raw:
        if token in seen:
            continue
        seen.add(token)
        forms, alts = _alternatives_for_word(token, synonyms)
        plan.groups.append(alts)
        plan.highlight.extend(f for f in forms if f not in plan.highlight)
    return plan


def highlight_terms(plan):
    """Strings to mark in snippets: query words, their synonyms and, for pinyin, nothing literal."""
    return [t for t in plan.highlight if is_han(t) or len(t) >= 2]
