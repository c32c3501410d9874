"""The synonym table as a mapping word → other words, cached and cleared when editors change it."""

from django.core.cache import cache
from django.db import DatabaseError

from .analysis import full_pinyin, is_han

CACHE_KEY = "portal-search:synonyms:v1"

# Shipped defaults: installed by migration 0003, restored by `manage.py search_synonyms --restore-defaults`.
# Synonyms apply at query time only (`analysis.query_plan`): editing them needs no re-index.
DEFAULT_SYNONYMS = [
    ("老人 老年人 长者", "older residents"),
    ("家政 保洁 月嫂", "housekeeping services"),
    ("助餐 食堂 饭堂", "meals for older residents"),
    ("维修 报修 修理", "repairs"),
    ("投诉 意见 建议", "complaints and suggestions"),
    ("讲座 宣讲 课堂", "talks and classes"),
]


def synonym_map():
    """{word: [other words]} from the enabled synonym groups (empty when the table is unavailable).

    Built once and kept in the shared cache (a change to a synonym deletes it).
    """
    return _shared_synonym_map() or {}


def _shared_synonym_map():
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        return cached
    from .models import Synonym

    mapping = {}
    try:
        groups = [s.term_list() for s in Synonym.objects.filter(enabled=True)]
    except DatabaseError:
        return None  # not kept: the next search tries again
    for terms in groups:
        for term in terms:
            others = mapping.setdefault(term, [])
            others.extend(t for t in terms if t != term and t not in others)
            if is_han(term) and len(term) >= 2:
                # Typed in pinyin ("jiazheng"): the Chinese word and its synonyms.
                by_pinyin = mapping.setdefault(full_pinyin(term), [])
                by_pinyin.extend(t for t in terms if t not in by_pinyin)
    cache.set(CACHE_KEY, mapping, 300)
    return mapping


def clear_cache(**kwargs):
    cache.delete(CACHE_KEY)


def ensure_default_synonyms():
    """Put back the default groups that are missing or disabled; returns (added, re-enabled) counts.

    A group is the same when its words are (in any order or spelling `Synonym.term_list` accepts);
    nothing is ever duplicated, and groups editors added are left alone.
    """
    from django.db import transaction

    from .models import Synonym

    added = enabled = 0
    with transaction.atomic():
        existing = {frozenset(s.term_list()): s for s in Synonym.objects.all()}
        for terms, note in DEFAULT_SYNONYMS:
            current = existing.get(frozenset(Synonym(terms=terms).term_list()))
            if current is None:
                Synonym.objects.create(terms=terms, note=note)
                added += 1
            elif not current.enabled:
                current.enabled = True
                current.save(update_fields=["enabled"])
                enabled += 1
    clear_cache()
    return added, enabled
