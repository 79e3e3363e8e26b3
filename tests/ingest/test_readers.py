"""Readers: files → Documents, bad input → yielded InputErrors with a clear one-line reason."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

import newsgraph.ingest as ingest
from newsgraph.errors import InputError
from newsgraph.ingest import iter_paths, read_path
from newsgraph.model import Document, document_id

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def read_all(path: Path, **kw: object) -> list[Document | InputError]:
    return list(read_path(path, **kw))  # type: ignore[arg-type]


def one_doc(path: Path, **kw: object) -> Document:
    out = read_all(path, **kw)
    assert len(out) == 1 and isinstance(out[0], Document), out
    return out[0]


def one_error(path: Path, **kw: object) -> InputError:
    out = read_all(path, **kw)
    assert len(out) == 1 and isinstance(out[0], InputError), out
    return out[0]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


# --- .txt -------------------------------------------------------------------------------------

def test_txt_header_lines_are_read_and_removed() -> None:
    doc = one_doc(FIX / "ferry_strike.txt")
    assert doc.published == date(2024, 3, 2)
    assert doc.title == "Ferry crews walk out over rosters"
    assert doc.outlet == "Island Herald"
    assert doc.source == str(FIX / "ferry_strike.txt")
    assert doc.text.startswith("Ferry crews on the northern route")
    assert "Date:" not in doc.text and "Title:" not in doc.text
    assert "\n\nUnion officials" in doc.text  # paragraphs kept
    assert doc.id == document_id(doc.text)


def test_txt_date_on_same_line_as_article() -> None:
    doc = one_doc(FIX / "river_locks.txt")
    assert doc.published == date(2024, 3, 2)
    assert doc.text.startswith("In an effort to ease grain shipments")
    assert "date" not in doc.text.split("\n")[0][:10]


def test_file_date_wins_and_published_argument_fills_gap(tmp_path: Path) -> None:
    assert one_doc(FIX / "river_locks.txt", published=date(2020, 1, 1)).published == date(2024, 3, 2)
    p = write(tmp_path, "nodate.txt", "The mayor opened a new library on the hill.\n")
    assert one_doc(p, published=date(2020, 1, 1)).published == date(2020, 1, 1)
    assert one_doc(p).published is None


@pytest.mark.parametrize("header, expected", [
    ("date: 2 March 2024", date(2024, 3, 2)),
    ("Date: March 2, 2024", date(2024, 3, 2)),
    ("published: 2024-03-02", date(2024, 3, 2)),
    ("date: 2024-03-02T09:30:00Z", date(2024, 3, 2)),
    ("date 2024-03-02", date(2024, 3, 2)),
])
def test_txt_date_forms(tmp_path: Path, header: str, expected: date) -> None:
    p = write(tmp_path, "a.txt", f"{header}\nThe mayor opened a new library on the hill.\n")
    doc = one_doc(p)
    assert doc.published == expected
    assert doc.text == "The mayor opened a new library on the hill."


def test_txt_bad_date_header(tmp_path: Path) -> None:
    err = one_error(write(tmp_path, "a.txt", "Date: yesterday\nThe mayor opened a library.\n"))
    assert err.where.endswith("a.txt:1") and "bad date" in err.reason


def test_txt_text_kept_as_given_when_no_header(tmp_path: Path) -> None:
    text = "Date palms line the avenue.\nAdvertisement\nThe council will plant more next year."
    assert one_doc(write(tmp_path, "a.txt", text)).text == text


def test_crlf_and_bom_are_fine(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", b"\xef\xbb\xbfdate: 2024-03-02\r\nFirst line.\r\nSecond line.\r\n")
    doc = one_doc(p)
    assert doc.text == "First line.\nSecond line." and doc.published == date(2024, 3, 2)


# --- .md --------------------------------------------------------------------------------------

def test_md_front_matter_and_markdown_stripped() -> None:
    doc = one_doc(FIX / "solar_tender.md", source="Ignored Outlet")
    assert doc.title == "Desert solar tender draws nine bidders"
    assert doc.published == date(2024, 4, 18)
    assert doc.url == "https://sun-desk.example/solar-tender"
    assert doc.outlet == "Sun Desk"
    assert doc.text.startswith("Nine companies have bid to build a 660 MW solar park")
    assert "according to a statement from the agency" in doc.text
    for junk in ("**", "*Thursday*", "](", "![", "img/site.jpg", "`", "---", "# "):
        assert junk not in doc.text


def test_md_without_front_matter_uses_h1_and_header_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "a.md", "date: 2024-01-05\n\n# Snow shuts airport\n\n## Update\n"
                                "Flights were _cancelled_ at the city_airport terminal.\n")
    doc = one_doc(p)
    assert doc.title == "Snow shuts airport" and doc.published == date(2024, 1, 5)
    assert doc.text == "Update\nFlights were cancelled at the city_airport terminal."


# --- .html ------------------------------------------------------------------------------------

def test_html_main_text_title_and_date() -> None:
    doc = one_doc(FIX / "port_deal.html")
    assert doc.title == "Harbour authority signs dredging contract"
    assert doc.published == date(2024, 5, 14)
    assert doc.url == "https://coastal-ledger.example/news/dredging-contract"
    assert doc.outlet == "Coastal Ledger"
    assert doc.text.startswith("The Velmora harbour authority signed a contract")
    assert "$35 million" in doc.text
    for junk in ("Subscribe", "Privacy policy", "Most read", "Cookie", "Copyright", "Home"):
        assert junk not in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    err = one_error(write(tmp_path, "a.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert "no article text" in err.reason


def test_html_declared_latin1_charset(tmp_path: Path) -> None:
    html = ("<html><head><meta charset='iso-8859-1'><title>Caf\xe9 fire</title></head><body><article>"
            "<p>A fire damaged the caf\xe9 on the corner of the main square early on Sunday morning, "
            "and firefighters needed two hours to bring it under control, the local fire service "
            "said. Nobody was hurt, and the owners said they hoped to reopen within a month.</p>"
            "</article></body></html>")
    doc = one_doc(write(tmp_path, "a.html", html.encode("latin-1")))
    assert "caf\xe9" in doc.text


# --- .jsonl -----------------------------------------------------------------------------------

def test_jsonl_good_and_bad_lines() -> None:
    out = read_all(FIX / "wires.jsonl", source="Fallback Outlet")
    docs = [o for o in out if isinstance(o, Document)]
    errors = [o for o in out if isinstance(o, InputError)]
    assert len(docs) == 3 and len(errors) == 2
    first, second, third = docs
    assert first.source == "https://wire.example/1" and first.url == "https://wire.example/1"
    assert first.title == "Cigarette haul seized" and first.outlet == "Wire Desk"
    assert first.published == date(2024, 2, 10)
    path = str(FIX / "wires.jsonl")
    assert second.source == f"{path}:2" and second.outlet == "Fallback Outlet"
    assert third.published == date(2024, 2, 9)
    assert errors[0].where == f"{path}:3" and "text" in errors[0].reason
    assert errors[1].where == f"{path}:4" and "malformed JSON" in errors[1].reason


@pytest.mark.parametrize("line, reason", [
    ('["a list"]', "expected a JSON object"),
    ('{"title": "no text"}', "'text'"),
    ('{"text": 5}', "'text'"),
    ('{"text": "Ok.", "published": "someday"}', "published: bad date"),
    ('{"text": "Ok.", "published": 20240302}', "must be a string"),
    ('{"text": "Ok.", "title": ["x"]}', "must be a string"),
])
def test_jsonl_bad_records(tmp_path: Path, line: str, reason: str) -> None:
    err = one_error(write(tmp_path, "a.jsonl", line + "\n"))
    assert err.where == f"{tmp_path / 'a.jsonl'}:1" and reason in err.reason


def test_jsonl_invalid_utf8_line_and_blank_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "a.jsonl", b'\n{"text": "caf\xc3"}\n\n{"text": "Fine."}\n')
    bad, good = read_all(p)
    assert isinstance(bad, InputError) and bad.where.endswith(":2") and "invalid UTF-8 at byte" in bad.reason
    assert isinstance(good, Document) and good.source.endswith(":4")


def test_jsonl_oversized_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 60)
    p = write(tmp_path, "a.jsonl", '{"text": "' + "x" * 100 + '"}\n{"text": "Short."}\n')
    big, small = read_all(p)
    assert isinstance(big, InputError) and big.where.endswith(":1") and "60-byte limit" in big.reason
    assert isinstance(small, Document) and small.text == "Short."


# --- bad files --------------------------------------------------------------------------------

def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    assert one_error(FIX / "empty.txt").reason == "empty file"
    assert "empty" in one_error(write(tmp_path, "w.md", " \n\t\n")).reason
    assert "empty" in one_error(write(tmp_path, "w.jsonl", "\n\n")).reason
    assert "no article text" in one_error(write(tmp_path, "h.txt", "date: 2024-03-02\n\n")).reason


def test_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    assert "binary" in one_error(write(tmp_path, "img.txt", png)).reason
    assert "binary" in one_error(write(tmp_path, "img.jsonl", png)).reason
    assert "binary" in one_error(write(tmp_path, "ctl.txt", bytes(range(1, 32)) * 20)).reason
    assert "UTF-16" in one_error(write(tmp_path, "u16.txt", "Hello there.".encode("utf-16"))).reason


def test_invalid_utf8_gives_byte_offset(tmp_path: Path) -> None:
    err = one_error(write(tmp_path, "a.txt", b"Caf\xe9 owners protest."))
    assert err.reason == "invalid UTF-8 at byte 3"
    assert err.where == str(tmp_path / "a.txt")


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_BYTES", 50)
    err = one_error(write(tmp_path, "a.txt", "word " * 20))
    assert "over the 50-byte limit" in err.reason


def test_unsupported_suffix(tmp_path: Path) -> None:
    err = one_error(write(tmp_path, "a.pdf", "%PDF-1.4"))
    assert "unsupported suffix '.pdf'" in err.reason


def test_unreadable_path_is_yielded(tmp_path: Path) -> None:
    assert "cannot read" in one_error(tmp_path / "missing.txt").reason


def test_same_article_twice_same_id() -> None:
    a = one_doc(FIX / "ferry_strike.txt")
    b = one_doc(FIX / "ferry_strike_copy.txt")  # other header, extra spaces in the text
    assert a.id == b.id and a.source != b.source


# --- paths ------------------------------------------------------------------------------------

def test_folder_expansion_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "sub/c.jsonl", "sub/d.HTML", "notes.pdf", ".hidden/e.txt", "sub/.f.txt"):
        write(tmp_path, name, "x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert got == ["a.md", "b.txt", "sub/c.jsonl", "sub/d.HTML"]


def test_fixture_folder_and_file_given_twice() -> None:
    paths = list(iter_paths([str(FIX), str(FIX / "river_locks.txt")]))
    assert [p.name for p in paths] == sorted(p.name for p in FIX.iterdir())


def test_glob_expansion(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.md", "d.csv"):
        write(tmp_path, name, "x")
    assert [p.name for p in iter_paths([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    assert [p.name for p in iter_paths([str(tmp_path / "*")])] == ["a.txt", "b.txt", "c.md"]
    with pytest.raises(InputError, match="no files match"):
        iter_paths([str(tmp_path / "*.xml")])
    with pytest.raises(InputError, match="matches no file ending in"):
        iter_paths([str(tmp_path / "*.csv")])


def test_explicit_file_kept_whatever_its_suffix(tmp_path: Path) -> None:
    p = write(tmp_path, "notes.pdf", "x")
    assert list(iter_paths([str(p)])) == [p]


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        iter_paths([str(FIX), str(tmp_path / "nope")])
    assert info.value.where == str(tmp_path / "nope")
    assert info.value.reason == "no such file or directory"


def test_relative_path_is_source_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIX)
    (path,) = iter_paths(["river_locks.txt"])
    assert one_doc(path).source == "river_locks.txt"
    assert os.path.exists(path)
