import json
from importlib import resources

from click.testing import CliRunner

from onrecord.cli import main

EXAMPLE = str(resources.files("onrecord").joinpath("examples/harbour_strike.txt"))


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_json_to_stdout():
    result = run("extract", EXAMPLE, "--published", "2024-03-14", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["schema"] == "onrecord.article/1" and doc["published"] == "2024-03-14"
    assert any(s["cue"]["text"] == "insisted" for s in doc["statements"])


def test_out_dir_gets_one_file_per_input(tmp_path):
    other = tmp_path / "second.txt"
    other.write_text("The mayor said the port would reopen.", encoding="utf-8")
    result = run("extract", EXAMPLE, str(other), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["harbour_strike.txt.json", "second.txt.json"]


def test_stdin_and_table():
    result = run("extract", "-", "--format", "table", input="The mayor said the port would reopen.")
    assert result.exit_code == 0 and "reopen" in result.output and "neutral" in result.output


def test_bad_inputs_give_one_line_errors(tmp_path):
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café said".encode("latin-1"))
    for path, message in ((binary, "binary"), (latin, "not valid UTF-8"), (tmp_path / "nope.txt", "no such file")):
        result = run("extract", str(path))
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_bad_date_is_a_usage_error():
    result = run("extract", EXAMPLE, "--published", "15/10/2024")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_a_corrupt_model_file_is_one_line_saying_how_to_rebuild(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from onrecord.cli import main
    from onrecord.coref import ranker

    bad = tmp_path / "pronoun_ranker.json"
    bad.write_text("{broken")
    monkeypatch.setattr(ranker, "MODEL_FILE", bad)
    ranker.default_ranker.cache_clear()
    try:
        result = CliRunner().invoke(main, ["extract", "-"], input="Anna said hello.")
    finally:
        ranker.default_ranker.cache_clear()  # the next test loads the shipped model again
    assert result.exit_code == 1
    assert "corrupt" in result.output and "onrecord train coref" in result.output
    assert "Traceback" not in result.output


def test_too_large_input_fails_alone_with_one_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("a" * 1_000_001, encoding="utf-8")  # one character over the article limit
    good = tmp_path / "good.txt"
    good.write_text("The mayor said the port would reopen.", encoding="utf-8")
    result = run("extract", str(big), str(good), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "too-large" in errors[0] and "big.txt" in errors[0]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.txt.json"]


def test_utf16_with_bom_is_read_like_ingest(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("The mayor said the port would reopen.".encode("utf-16"))
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["text"] == "The mayor said the port would reopen."


def test_out_never_overwrites_inputs_with_the_same_name(tmp_path):
    for folder, words in (("a", "reopen"), ("b", "close")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"The mayor said the port would {words}.", encoding="utf-8")
    result = run("extract", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["x.txt-2.json", "x.txt.json"]
    assert "reopen" in (out / "x.txt.json").read_text() and "close" in (out / "x.txt-2.json").read_text()


def test_warc_and_gzip_are_refused_with_one_line(tmp_path):
    warc = tmp_path / "pages.warc"
    warc.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 0\r\n\r\n")
    unnamed = tmp_path / "pages"
    unnamed.write_bytes(warc.read_bytes())
    gz = tmp_path / "story.txt.gz"
    gz.write_bytes(__import__("gzip").compress(b"The mayor said the port would reopen."))
    for path, message in ((warc, "WARC"), (unnamed, "WARC"), (gz, "gzip")):
        result = run("extract", str(path))
        assert result.exit_code == 1 and message in result.output and "onrecord ingest" in result.output
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_accurate_mode_says_so_in_the_json():
    result = run("extract", EXAMPLE, "--mode", "accurate", "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["mode"] == "accurate" and doc["statements"]
    assert all(doc["text"][s["cue"]["start"]:s["cue"]["end"]] == s["cue"]["text"] for s in doc["statements"])


def test_accurate_mode_without_its_extra_is_one_line_saying_what_to_install(monkeypatch):
    import sys

    from onrecord.tagger import predict

    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    predict.default_tagger.cache_clear()
    try:
        result = run("extract", "-", "--mode", "accurate", input="Anna said hello.")
    finally:
        predict.default_tagger.cache_clear()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pip install -e '.[accurate]'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_ingest_in_accurate_mode_stores_the_learned_statements(tmp_path):
    import sqlite3

    db = tmp_path / "acc.db"
    result = run("ingest", EXAMPLE, "--db", str(db), "--workers", "0", "--mode", "accurate", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["new"] == 1 and summary["statements"] > 0
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from statements").fetchone()[0] == summary["statements"]


def test_ingest_accurate_mode_refuses_a_custom_extractor():
    result = run("ingest", EXAMPLE, "--mode", "accurate", "--extractor", "x:y")
    assert result.exit_code == 2 and "--extractor" in result.output
