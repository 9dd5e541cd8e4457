import io

from rich.console import Console

from onrecord.render import article_json, render_table


def test_table_shows_speaker_cue_content_time_nesting(extract):
    a = extract("The paper claimed on Monday that officials believe the plan will fail. "
                "The port handled 41 million tonnes in 2023.", published="2024-10-15")
    out = io.StringIO()
    render_table(a, Console(file=out, width=160))
    text = out.getvalue()
    assert "claimed" in text and "contested" in text and "2024-10-14" in text
    assert "└ officials" in text  # the nested belief is indented under the claim
    assert "Own voice" in text and "41 million tonnes" in text


def test_json_view_keeps_unicode():
    from onrecord.records import Article

    assert "“x”" in article_json(Article(text="“x”"))
