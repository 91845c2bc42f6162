"""LaTeX accent commands ("Poincar\\'e", "Fr\\'{e}chet") read as letters, mentions kept as written."""
from __future__ import annotations

import pytest

import kg
from extractors.latex import decode_accents
from extractors.normalize import name_key
from extractors.pipeline import extract_record, shared_nlp
from kg.schema import Paper


@pytest.mark.parametrize(("written", "decoded"), [
    (r"Poincar\'e", "Poincaré"),
    (r"Poincar\'{e}", "Poincaré"),
    (r"Poincar{\'e}", "Poincaré"),
    (r"Poincar{\'{e}}", "Poincaré"),
    (r"Wei\ss{}", "Weiß"),
    (r"K\"ahler", "Kähler"),
    (r"G\"{o}del", "Gödel"),
    (r"na\"{\i}ve", "naïve"),
    (r"Lo\`eve", "Loève"),
    (r"Pad\^ete", "Padête"),
    (r"espa\~nol", "español"),
    (r"Mah\={a}", "Mahā"),
    (r"\v{C}ech", "Čech"),
    (r"\v Cech", "Čech"),
    (r"Erd\H{o}s", "Erdős"),
    (r"Gar\c{c}on", "Garçon"),
    (r"Do\u{g}an", "Doğan"),
    (r"\r{A}ngstr\"om", "Ångström"),
    (r"{\AA}ngstr\"om", "Ångström"),
    (r"Bj{\o}rn", "Bjørn"),
    (r"Bokm{\aa}l", "Bokmål"),
    (r"Ko{\l}o", "Koło"),
])
def test_each_standard_accent_command_becomes_its_unicode_letter(written, decoded):
    assert decode_accents(written)[0] == decoded


@pytest.mark.parametrize("text", [
    r"the model\'s ability",  # an apostrophe written with a backslash
    r"$\omega + \lambda \cdot \dot{x}$",  # math commands that start like \o, \l, \c, \d
    r"matches \d+ and \d{3} in a regex",
    r"a line break \\'e",
    "no backslash at all",
])
def test_math_regex_and_apostrophe_backslashes_stay_as_written(text):
    assert decode_accents(text) == (text, None)


def test_offset_map_points_each_decoded_word_back_to_its_written_form():
    written = r"On the Poincar{\'e} disk, Erd\H{o}s-R\'enyi graphs meet G\"odel."
    decoded, offsets = decode_accents(written)
    assert decoded == "On the Poincaré disk, Erdős-Rényi graphs meet Gödel."
    for word in ("Poincaré", "Erdős-Rényi", "Gödel.", "disk,", "On"):
        start = decoded.index(word)
        start_written, end_written = offsets.original(start), offsets.original(start + len(word))
        assert decode_accents(written[start_written:end_written])[0] == word
    assert written[offsets.original(decoded.index("Erdős")) :].startswith(r"Erd\H{o}s")


def test_tokenizer_keeps_a_latex_accented_name_one_token():
    doc = shared_nlp().make_doc(r"We embed trees in the Poincar{\'e} ball and the Poincar\'e disk.")
    words = [t.text for t in doc]
    assert words.count("Poincaré") == 2
    assert "{" not in words and "}" not in words


def test_latex_accented_name_gets_unicode_canonical_and_written_mention():
    paper = Paper(id="t", title="A study",
                  abstract=r"We introduce Poincar\'e midpoint pooling as a cheaper alternative to max pooling.")
    record = extract_record(paper)
    entity = next(e for e in record.entities if e.canonical == "Poincaré midpoint pooling")
    [mention] = entity.mentions
    assert mention.text == r"Poincar\'e midpoint pooling"
    assert paper.text[mention.start : mention.end] == mention.text
    assert paper.text[mention.sent_start : mention.sent_end].startswith("We introduce Poincar\\'e")


def test_gazetteer_alias_is_found_when_written_with_latex_accents():
    paper = Paper(id="t", title="A study",
                  abstract=r"Samples are scored with the Fr\'{e}chet Inception Distance (FID) on the test split.")
    record = extract_record(paper)
    fid = next(e for e in record.entities if e.canonical == "FID")
    assert [m.text for m in fid.mentions] == [r"Fr\'{e}chet Inception Distance", "FID"]
    assert all(paper.text[m.start : m.end] == m.text for m in fid.mentions)


def test_claim_evidence_after_a_latex_accent_is_the_text_as_written():
    paper = Paper(id="t", title=r"Poincar\'e pooling",
                  abstract=r"Our Poincar\'e midpoint pooling reaches 81.2% accuracy on CIFAR-10.")
    [claim] = extract_record(paper).claims
    assert claim.subject == "Poincaré midpoint pooling"
    assert claim.evidence == r"Our Poincar\'e midpoint pooling reaches 81.2% accuracy on CIFAR-10."
    assert paper.text[claim.start : claim.end].strip() == claim.evidence


def test_latex_unicode_and_plain_spellings_share_a_name_key():
    forms = [r"Fr\'echet mean", r"Fr\'{e}chet means", r"Fr{\'e}chet mean", "Fréchet mean", "Frechet mean"]
    assert {name_key(f) for f in forms} == {"frechetmean"}
    assert name_key(r"Erd\H{o}s-R\'enyi graph") == name_key("Erdős–Rényi graphs")
    assert name_key(r"Bj{\o}ntegaard") == name_key("Bjøntegaard")


def test_compatibility_characters_keep_their_key():
    assert name_key("R²") == name_key("R")  # "²" is not a letter with an accent: dropped as before, not "r2"


def test_latex_and_unicode_spellings_in_two_papers_are_one_node():
    papers = [
        Paper(id="a", title="T1", abstract=r"We introduce Poincar\'e midpoint pooling as a cheaper alternative."),
        Paper(id="b", title="T2", abstract="We introduce Poincaré midpoint pooling for hyperbolic networks."),
    ]
    graph = kg.build(papers)
    nodes = [d for _, d in graph.nx.nodes(data=True) if d["label"] == "Poincaré midpoint pooling"]
    assert len(nodes) == 1 and nodes[0]["paper_count"] == 2
    assert {r"Poincar\'e midpoint pooling", "Poincaré midpoint pooling"} <= set(nodes[0]["aliases"])
