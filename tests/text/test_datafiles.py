"""Shipped data files, and the cache of what is parsed from them (`kehoach.text.datafiles`)."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from kehoach.text import datafiles, lexicon


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of its own (one small TOML file) and an empty cache folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "words.toml").write_text('[agencies]\nheads = ["Sở", "Ban"]\n', encoding="utf-8")
    monkeypatch.setattr(datafiles, "DATA", folder)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return folder


class Counted:
    """`tomllib.loads`, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> dict:
        self.calls += 1
        return tomllib.loads(text)


def test_a_file_is_parsed_once_then_read_from_the_cache(data: Path, tmp_path: Path) -> None:
    parse = Counted()
    first = datafiles.parsed("words.toml", parse)
    again = datafiles.parsed("words.toml", parse)
    assert first == again == {"agencies": {"heads": ["Sở", "Ban"]}}
    assert parse.calls == 1
    assert len(list((tmp_path / "cache").glob("words-*.json"))) == 1


def test_an_edited_file_is_parsed_afresh(data: Path, tmp_path: Path) -> None:
    parse = Counted()
    datafiles.parsed("words.toml", parse)
    (data / "words.toml").write_text('[agencies]\nheads = ["Cục"]\n', encoding="utf-8")
    assert datafiles.parsed("words.toml", parse) == {"agencies": {"heads": ["Cục"]}}
    assert parse.calls == 2
    cached = {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in (tmp_path / "cache").glob("words-*.json")
    }
    assert sorted(v["agencies"]["heads"][0] for v in cached.values()) == ["Cục", "Sở"]


def test_only_the_newest_versions_of_a_file_are_kept(data: Path, tmp_path: Path) -> None:
    """Several checkouts, each with its own lexicon, share one cache: each keeps its version
    without removing the others', and the oldest go."""
    parse = Counted()
    for n in range(datafiles._KEEP + 3):
        (data / "words.toml").write_text(f"n = {n}\n", encoding="utf-8")
        assert datafiles.parsed("words.toml", parse) == {"n": n}
        for p in (tmp_path / "cache").glob("words-*.json"):  # one second apart, in order
            if json.loads(p.read_text()) == {"n": n}:
                os.utime(p, (1_000_000 + n, 1_000_000 + n))
    kept = [json.loads(p.read_text()) for p in (tmp_path / "cache").glob("words-*.json")]
    assert len(kept) == datafiles._KEEP
    assert {"n": datafiles._KEEP + 2} in kept and {"n": 0} not in kept


def test_a_damaged_cache_file_is_parsed_again(data: Path, tmp_path: Path) -> None:
    parse = Counted()
    datafiles.parsed("words.toml", parse)
    [cached] = (tmp_path / "cache").glob("words-*.json")
    cached.write_text('{"agencies": ', encoding="utf-8")  # cut short
    assert datafiles.parsed("words.toml", parse) == {"agencies": {"heads": ["Sở", "Ban"]}}
    assert parse.calls == 2


def test_without_a_usable_cache_the_file_is_parsed_every_time(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder", encoding="utf-8")
    for setting in ("", str(in_the_way / "cache")):  # caching off; a folder that cannot be made
        monkeypatch.setenv("KEHOACH_CACHE_DIR", setting)
        parse = Counted()
        for _ in range(2):
            assert datafiles.parsed("words.toml", parse) == {"agencies": {"heads": ["Sở", "Ban"]}}
        assert parse.calls == 2


def test_a_value_json_would_change_is_not_cached(data: Path, tmp_path: Path) -> None:
    (data / "dated.toml").write_text("since = 2026-01-07\n", encoding="utf-8")
    parse = Counted()
    for _ in range(2):
        assert str(datafiles.parsed("dated.toml", parse)["since"]) == "2026-01-07"
    assert parse.calls == 2
    assert not list((tmp_path / "cache").glob("dated-*"))


def test_the_cache_folder_follows_the_usual_places(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KEHOACH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert datafiles.cache_dir() == Path("/somewhere/cache/kehoach")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/home/officer")
    assert datafiles.cache_dir() == Path("/home/officer/.cache/kehoach")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", "/srv/kehoach-cache")
    assert datafiles.cache_dir() == Path("/srv/kehoach-cache")


def test_the_lexicon_from_the_cache_is_the_toml_file_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path))
    toml = tomllib.loads(datafiles.data_file("lexicon.toml").read_text(encoding="utf-8"))
    first = datafiles.parsed("lexicon.toml", lexicon._toml)  # parsed, then written
    assert list(tmp_path.glob("lexicon-*.json"))
    assert datafiles.parsed("lexicon.toml", lexicon._toml) == first == toml  # from the cache
