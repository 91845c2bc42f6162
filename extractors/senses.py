"""The sense of a listed short form with a metric sense and another: "MAE", "ASR", "AR".

"MAE" is the masked autoencoder and the mean absolute error. The gazetteer
gives a name to the first list that holds it (architectures before metrics,
:meth:`~extractors.gazetteer.Gazetteer.add`), so every "MAE" was the
autoencoder, in "an MAE of 0.101" and "RMSE and MAE" too: in a sample of
abstracts more than half of the undefined uses were the error.

A name keeps one sense through one text (Gale, Church and Yarowsky 1992,
"One sense per discourse"). So where any use of such a short form reads as
a measurement, every listed use of it in the abstract takes the metric
sense. A use reads as a measurement when a number follows it ("MAE of
1.74", "MAE 1.5 px"), a number or a unit stands before it ("1.67 cm MAE",
"15% MAE"), another metric is listed with it ("RMSE and MAE", "RMSE/MAE"),
or a word of measuring is next to it ("lower MAE", "MAE reduction"). An
abstract that spells out the other sense ("masked autoencoder") keeps it;
a definition ("mean absolute error (MAE)") is read later by
``kg_abbreviations`` and decides over both.

The same reading works the other way. "ASR" is the attack success rate and
automatic speech recognition; the metric list comes first, so "streaming
ASR" was a metric. A metric short form that another list holds, or that
``data/metric_short_forms_of_other_things.txt`` lists as mostly meaning
something unlisted ("AR/VR"), is the metric only in an abstract where a use
reads as a measurement or that spells the metric out ("attack success
rate"); elsewhere it takes the other list's sense, or none. Glued into a
hyphenated word ("Cryo-EM", "ST-AR") it is a piece of another name.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.gazetteer import MENTIONS_KEY, Entry, load_gazetteer
from extractors.names import read_word_list
from extractors.normalize import name_key
from extractors.tokens import TokenView, read_spans, token_view, write_spans

#: Words before a measured quantity: "lower MAE", "improvement in MAE", "validation MAE".
MEASURING_BEFORE = frozenset(
    "lower higher low high lowest best reduce reduces reducing reduced reduction in mean average overall "
    "competitive validation test".split())
#: Words after one: "MAE reduction", "MAE errors", "MAE increases".
MEASURING_AFTER = frozenset(
    "reduction reductions improvement improvements error errors increase increases increased decrease "
    "decreases decreased drop drops score scores value values loss".split())
#: Words that may join a measured quantity to its number: "MAE of 0.10", "MAE = 0.31", "ASR (14.2%)".
LINKS_TO_NUMBER = frozenset("of = : $ ( from to by is was at below under ranging only about around nearly "
                            "approximately".split())
_LISTING = frozenset({",", "/", "and", "or"})


OTHER_THINGS_FILE = Path(__file__).resolve().parent / "data" / "metric_short_forms_of_other_things.txt"


@lru_cache(maxsize=1)
def _short_form_senses() -> tuple[dict[str, Entry], dict[str, tuple[Entry, Entry | None]]]:
    """Both maps of :func:`metric_senses` and :func:`unmeasured_senses`, read off the lists in one pass."""
    gazetteer = load_gazetteer()
    shared = gazetteer.keys_of_two_labels()
    unlisted = {name_key(word) for word in read_word_list(OTHER_THINGS_FILE)}
    to_metric: dict[str, Entry] = {}
    from_metric: dict[str, tuple[Entry, Entry | None]] = {}
    for entry in gazetteer.entries:
        for name in (entry.canonical, *entry.aliases):
            key = name_key(name)
            first = gazetteer.by_key.get(key)  # the sense the gazetteer gives the key
            if " " in name or first is None:
                continue
            if first.label != "METRIC":
                if entry.label == "METRIC" and key in shared:
                    to_metric[key] = entry
            elif entry.label != "METRIC" and key in shared:
                from_metric.setdefault(key, (first, entry))
            elif key in unlisted:
                from_metric.setdefault(key, (first, None))
    return to_metric, from_metric


def metric_senses() -> dict[str, Entry]:
    """Listed short forms whose key another list holds as well, with their metric entry ("mae" -> MAE)."""
    return _short_form_senses()[0]


def unmeasured_senses() -> dict[str, tuple[Entry, Entry | None]]:
    """Listed metric short forms that mean something else unless measured: key -> (the metric, the other sense).

    The other sense is another list's entry for the key ("asr" -> speech
    recognition), or ``None`` for the short forms of
    :data:`OTHER_THINGS_FILE`, whose other senses are not listed ("ar").
    """
    return _short_form_senses()[1]


def is_hyphenated_phase(mention: Span) -> bool:
    """A listed time measure written as a hyphenated modifier: "inference-time scaling", "known at
    training-time", "Training-time Realignment": a phase of a model's life, not a duration measured."""
    return mention.label_ == "METRIC" and mention.kb_id_.endswith(" time") and mention.text.lower().endswith("-time")


def is_number(word: str) -> bool:
    """ "0.101", "-3", "12.87%", "22.6\\%", "$0.5$": a written quantity."""
    return word.strip("$~+-").replace(".", "", 1).replace(",", "").rstrip("%").rstrip("\\").isdigit()


def _is_unit(word: str) -> bool:
    """A short lower-case word that follows a number: "cm", "bpm", "m", "%"."""
    return word == "%" or (len(word) <= 4 and word.isalpha() and word.islower())


def reads_as_measurement(view: TokenView, i: int, metrics: set[int]) -> bool:
    """Whether the one-token name at ``i`` is used as a quantity measured, by its neighbours.

    ``metrics`` holds the token positions of the doc's metric mentions.
    """
    words, lower, n = view.words, view.lower, len(view.words)
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < n else ""
    if before in MEASURING_BEFORE or after in MEASURING_AFTER:
        return True
    ahead = i + 1  # "MAE of 0.10", "MAE by about 16%": up to three linking words, then a number
    while ahead < min(n, i + 4) and lower[ahead] in LINKS_TO_NUMBER:
        ahead += 1
    if ahead < n and is_number(words[ahead]):
        return True
    if is_number(before) or ((_is_unit(before) or before == "$") and i > 1 and is_number(words[i - 2])):
        return True
    return (before in _LISTING and i - 2 in metrics) or (after in _LISTING and i + 2 in metrics)


@Language.component("kg_metric_senses")
def metric_sense_component(doc: Doc) -> Doc:
    """Give every listed use of a short form with a metric sense the sense its measured uses decide.

    Writes the changed mentions back to ``doc.spans["kg_mentions"]``; only
    the gazetteer's own readings change.
    """
    to_metric, from_metric = metric_senses(), unmeasured_senses()
    view = token_view(doc)
    mentions = read_spans(doc, MENTIONS_KEY)
    uses = [m for m in mentions if m.id_ == "gazetteer" and m.end - m.start == 1
            and name_key(m.text) in (from_metric if m.label_ == "METRIC" else to_metric)]
    if not uses:
        return doc
    metrics = {m.start for m in mentions if m.label_ == "METRIC"}
    text = view.text.lower().replace("-", " ")
    changed: dict[int, Span | None] = {}
    for key in {name_key(m.text) for m in uses}:
        own = [m for m in uses if name_key(m.text) == key]
        whole_words = [m for m in own if view.word_start(m.start) == m.start and view.word_end(m.start) == m.end]
        measured = any(reads_as_measurement(view, m.start, metrics) for m in whole_words)
        if own[0].label_ != "METRIC":  # "MAE": the masked autoencoder unless measured
            if measured and not any(stem in text for stem in _spelled_stems(key)):
                changed.update((m.start, _reading(m, to_metric[key])) for m in own)
            continue
        other = from_metric[key][1]  # "ASR": the attack success rate only if measured or spelled out
        kept = measured or any(stem in text for stem in _spelled_stems(key))
        for m in own:
            if m not in whole_words:
                changed[m.start] = None  # "Cryo-EM", "ST-AR": a piece of another name
            elif not kept:
                changed[m.start] = _reading(m, other) if other is not None else None
    if changed:
        kept_mentions = [changed.get(m.start, m) if m in uses else m for m in mentions]
        write_spans(doc, MENTIONS_KEY, [m for m in kept_mentions if m is not None])
    return doc


def _reading(mention: Span, entry: Entry) -> Span:
    """The gazetteer's mention read as ``entry`` instead."""
    return Span(mention.doc, mention.start, mention.end, label=entry.label, kb_id=entry.canonical,
                span_id="gazetteer")


@lru_cache(maxsize=None)
def _spelled_stems(key: str) -> tuple[str, ...]:
    """The spelled-out names of the sense the gazetteer gives the key (the masked autoencoder for "mae",
    the attack success rate for "asr"), their head words cut to a stem: "masked autoenco", found also in
    "masked autoencoders" and (hyphens read as spaces) "masked-autoencoding"."""
    entry = load_gazetteer().by_key[key]
    return tuple(name.lower().replace("-", " ")[:name.rindex(" ") + 9]
                 for name in (entry.canonical, *entry.aliases) if " " in name)
