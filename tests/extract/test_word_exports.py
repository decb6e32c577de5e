"""Plans saved or copied out of Word files that carry Word's furniture: a table of contents
(before the header, or after the title), footnotes at the pages' ends or after a rule at the
end, their marks glued to words and document numbers, reviewers' comments and tracked changes
in brackets. None of it is a part of the record (`intake.word_furniture`)."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_contents_before_the_header_and_notes_at_the_pages_ends() -> None:
    """The header under the contents is read; the implemented documents' numbers lose their
    marks (`80-NQ/TW¹`, `21-KH/TU2`); a note's statistics between two targets are no target
    and no part of one, nor are a comment's figures; a deleted figure gives way to the one
    kept; a raised unit is a unit; a table's cells lose a deleted agency, a comment and a
    note's mark."""
    r = extract_file(FIXTURES / "variant_word_notes_contents.txt")
    d = r.document
    assert (d.kind, d.number, d.date) == ("ke_hoach", "118/KH-UBND", "2026-04-14")
    assert d.title == "Phát triển thể thao thành tích cao tỉnh Quảng Trị giai đoạn 2026 - 2030"
    assert [(x.number, x.date) for x in d.implements] == [
        ("80-NQ/TW", "2026-01-07"),
        ("21-KH/TU", "2026-03-03"),
    ]
    assert [[(m.value, m.unit) for m in t.metrics] for t in r.targets] == [
        [(12, "vận động viên")],
        [(25, "huy chương")],
        [(1, "nhà"), (2400, "m2")],
        [(100, "%")],
    ]
    assert r.targets[0].text == (
        "Mỗi năm có ít nhất 12 vận động viên đạt đẳng cấp kiện tướng quốc gia."
    )
    assert [t.lead for t in r.tasks] == [
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Xây dựng"],
        ["Sở Nội vụ"],
    ]
    assert r.tasks[1].coordinating == ["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch"]
    window = r.tasks[1].timeframe
    assert (window.raw, window.start, window.end) == (
        "Giai đoạn 2027 - 2029",
        "2027-01-01",
        "2029-12-31",
    )


def test_contents_after_the_title_and_notes_after_a_rule_at_the_end() -> None:
    """`[1]` after the implemented plan, `[2]` after a target and a comment's anchor `[NVA1]`
    in a task go with the notes after the rule; the contents between the title and the
    preamble leave the preamble whole; a target's deleted figure gives way."""
    r = extract_file(FIXTURES / "variant_word_endnotes.txt")
    assert [(x.number, x.date) for x in r.document.implements] == [("52/KH-UBND", "2026-02-10")]
    assert [t.text for t in r.targets] == [
        "100% xã, phường có tủ sách cộng đồng hoạt động thường xuyên.",
        "Tổ chức ít nhất 04 đợt luân chuyển sách về thôn, bản vùng sâu, vùng xa.",
        "Thư viện tỉnh phục vụ 150 nghìn lượt bạn đọc.",
    ]
    assert [t.id for t in r.tasks] == ["III.1.1", "III.1.2", "III.2.1"]
    assert r.tasks[0].text == (
        "Chủ trì tổ chức Ngày Sách và Văn hóa đọc Việt Nam trong tháng 4/2026."
    )
    assert r.document.signer == "Nông Thị Hạnh"
