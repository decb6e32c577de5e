"""Family 5 (short plans, targets in prose, one-off duties) and other task-table layouts."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_short_plan_targets_are_numbers_in_prose() -> None:
    r = extract_file(FIXTURES / "family5_short_plan.txt")
    d = r.document
    assert (d.kind, d.number, d.issuer, d.province, d.date) == (
        "ke_hoach",
        "215/KH-UBND",
        "Ủy ban nhân dân tỉnh",
        "Lào Cai",
        "2026-03-12",
    )
    assert [ref.number for ref in d.implements] == ["80-NQ/TW", "21-CTr/TU"]
    assert d.signer == "Nguyễn Thành Sinh"
    values = [[m.value for m in t.metrics] for t in r.targets]
    assert values == [[23100, 3350], [5]]
    assert [m.unit for m in r.targets[0].metrics] == ["nghìn lượt khách", "tỷ đồng"]
    assert r.targets[0].horizon == 2026


def test_short_plan_one_off_duty_and_bullet_timeframes() -> None:
    r = extract_file(FIXTURES / "family5_short_plan.txt")
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("once", "2026-12-15", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]
    tasks = {t.id: t for t in r.tasks}
    assert list(tasks) == ["III.1.1", "III.1.2", "III.2", "III.3"]
    assert tasks["III.1.1"].timeframe.start == "2026-04-01"
    assert tasks["III.1.2"].coordinating == ["Sở Tài chính"]
    assert tasks["III.2"].timeframe.end == "2026-06-30"
    assert tasks["III.3"].lead == ["Ủy ban nhân dân các xã, phường"]


def test_pipe_table_with_extra_columns_and_repeated_header() -> None:
    r = extract_file(FIXTURES / "pipe_table.md")
    assert [t.id for t in r.tasks] == ["A.1", "A.1.1", "B.a", "B.b"]
    first = r.tasks[0]
    assert first.lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert first.coordinating == ["Sở Nội vụ", "các cơ quan, đơn vị liên quan"]
    assert first.timeframe.kind == "window" and first.timeframe.end == "2026-06-30"
    # the "Theo dõi, đôn đốc" and "Sản phẩm" columns are not agencies of the task
    assert all("Văn phòng Ủy ban nhân dân tỉnh" not in t.coordinating + t.lead for t in r.tasks)
    assert r.tasks[2].coordinating == ["Sở Khoa học và Công nghệ", "Bộ Chỉ huy Quân sự tỉnh"]
    assert r.tasks[3].timeframe.kind == "from"
    assert r.tasks[0].group_title == "CÔNG TÁC TUYÊN TRUYỀN"


def test_ubnd_plan_with_lettered_items_and_requests() -> None:
    r = extract_file(FIXTURES / "variant_ubnd_plan.txt")
    d = r.document
    assert (d.number, d.province, d.date, d.signer) == (
        "125/KH-UBND",
        "Thái Nguyên",
        "2026-04-15",
        "Trịnh Việt Hùng",
    )
    assert [(x.number, x.date) for x in d.implements] == [
        ("32-CTr/TU", "2026-03-10"),
        ("80-NQ/TW", "2026-01-07"),
    ]
    assert [[m.value for m in t.metrics] for t in r.targets] == [[100], [95], [5.5, 150000]]
    assert all(t.horizon == 2030 for t in r.targets)
    tasks = {t.id: t for t in r.tasks}
    assert tasks["IV.1.1"].coordinating == ["các sở, ngành, địa phương"]
    assert tasks["IV.1.1"].timeframe.end == "2026-06-30"
    assert tasks["IV.2.1"].timeframe.every == "year"
    assert tasks["IV.3"].lead == ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]
    assert tasks["IV.4"].lead[0] == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    assert [(x.every, x.due) for x in r.reporting] == [("quarter", None), ("year", "11-15")]


def test_party_plan_with_value_columns_in_the_targets_appendix() -> None:
    r = extract_file(FIXTURES / "variant_party_plan.txt")
    assert (r.document.number, r.document.issuer) == ("45-KH/TU", "Ban Thường vụ Tỉnh ủy")
    got = [(t.text, t.horizon, [(m.value, m.unit) for m in t.metrics]) for t in r.targets]
    assert got == [
        ("Tỷ lệ xã, phường có thiết chế văn hóa đạt chuẩn", 2030, [(100, "%")]),
        ("Số di tích được xếp hạng mới", 2030, [(20, "di tích")]),
        ("Lượt khách du lịch", 2030, [(6500.5, "nghìn lượt")]),
    ]
    assert [t.id for t in r.tasks] == ["A.1", "A.2", "B.1", "B.2"]
    assert r.tasks[1].coordinating == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Tài chính",
        "các sở, ngành liên quan",
    ]
    assert (r.tasks[3].lead, r.tasks[3].coordinating) == (
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Ủy ban nhân dân các xã, phường"],
    )
    assert [(x.every, x.to) for x in r.reporting] == [("year", "Ban Thường vụ Tỉnh ủy")]


def test_flattened_table_with_numbering_per_group_and_a_page_number_inside_a_row() -> None:
    r = extract_file(FIXTURES / "variant_flattened.txt")
    assert r.document.issuer == "Sở Văn hóa, Thể thao và Du lịch"
    got = [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in r.tasks]
    assert got == [
        (
            "I.1",
            ["Phòng Quản lý văn hóa"],
            ["Trung tâm Văn hóa tỉnh", "Báo và Phát thanh, Truyền hình Quảng Trị"],
            "Quý II/2026",
        ),
        ("I.2", ["Phòng Quản lý văn hóa"], ["Thư viện tỉnh"], "Quý III/2026"),
        ("II.1", ["Phòng Quản lý di sản"], ["Bảo tàng tỉnh", "các đơn vị liên quan"], "Năm 2026"),
        ("II.2", ["Phòng Quản lý di sản"], ["Ủy ban nhân dân các xã, phường"], "Hằng năm"),
        ("II.3", ["Ban Quản lý Di tích tỉnh"], ["Sở Tài chính"], "Giai đoạn 2026-2030"),
    ]
    assert r.tasks[2].text == "Số hóa hồ sơ di tích quốc gia đặc biệt Thành cổ Quảng Trị"
    assert [(x.every, x.due) for x in r.reporting] == [("half_year", "06-10"), ("year", "11-10")]


def test_tasks_assigned_in_parentheses_under_letter_headings() -> None:
    r = extract_file(FIXTURES / "variant_assigned.txt")
    assert [[m.value for m in t.metrics] for t in r.targets] == [[100], [2]]
    got = [(t.id, t.lead, t.coordinating, t.timeframe.kind) for t in r.tasks]
    assert got == [
        ("B.1.1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Sở Khoa học và Công nghệ"], "window"),
        (
            "B.1.2",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Ủy ban nhân dân các xã, phường"],
            "window",
        ),
        ("B.2.1", ["Ủy ban nhân dân phường Kỳ Lừa"], [], "recurring"),
    ]
    assert r.tasks[0].text == "Số hóa hồ sơ 05 di tích quốc gia đặc biệt"
    assert r.tasks[0].group_title == "Số hóa di sản"
    assert [(x.every, x.due, x.to, x.via) for x in r.reporting] == [
        ("once", "2026-12-15", "Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch")
    ]


def test_header_read_through_ocr_damage_and_title_on_the_kind_line(tmp_path) -> None:
    doc = tmp_path / "camau.txt"
    doc.write_text(
        "UBND TỈNH CÀ MAU\nSô: 77/KH-UBND\nCà Mau, ngảy 3 tháng 6 nảm 2026\n"
        "KẾ HOẠCH Triển khai thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị\n"
        "I. MỤC TIÊU\n- Phấn đấu 100% xã có nhà văn hóa.\n",
        encoding="utf-8",
    )
    d = extract_file(doc).document
    assert (d.kind, d.number, d.province, d.date) == (
        "ke_hoach",
        "77/KH-UBND",
        "Cà Mau",
        "2026-06-03",
    )
    assert d.title == "Triển khai thực hiện Nghị quyết số 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị"


def test_plan_without_a_table_takes_its_tasks_from_the_subjects_of_the_implementation_items() -> (
    None
):
    """Sample 000 cut before its appendix: §IV's numbered items name their agency as subject;
    `X chỉ đạo Y …` gives directing X, lead Y (a verb after `chỉ đạo` leaves X the lead)."""
    r = extract_file(FIXTURES / "000_without_table.txt")
    got = [(t.id, t.directing, t.lead, t.coordinating) for t in r.tasks]
    assert got == [
        ("IV.1", [], ["Các cấp ủy đảng, chính quyền"], []),
        ("IV.2", ["Đảng ủy Hội đồng nhân dân tỉnh"], ["Hội đồng nhân dân tỉnh"], []),
        ("IV.3", [], ["Các cơ quan tham mưu, giúp việc Tỉnh ủy"], []),
        ("IV.4", [], ["Đảng ủy Mặt trận Tổ quốc tỉnh"], []),
        (
            "IV.5",
            ["Đảng ủy Ủy ban nhân dân tỉnh"],
            ["Ủy ban nhân dân tỉnh"],
            ["các cơ quan tham mưu, giúp việc của Tỉnh ủy"],
        ),
    ]
    assert len(r.targets) == 11


def test_flattened_tables_in_other_column_orders() -> None:
    """Time before the agencies; a product column after the time; two tables numbered alike."""
    r = extract_file(FIXTURES / "variant_flattened_columns.txt")
    got = [(t.id, t.lead, t.coordinating, t.timeframe.raw, t.text) for t in r.tasks]
    assert got == [
        (
            "1",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Nội vụ", "các cơ quan, đơn vị liên quan"],
            "Quý II/2026",
            "Tổ chức hội nghị quán triệt Chương trình hành động đến cán bộ chủ chốt",
        ),
        (
            "2",
            ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
            ["Báo và Phát thanh, Truyền hình"],
            "Năm 2026",
            "Biên soạn tài liệu tuyên truyền",
        ),
        (
            "1#2",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            [],
            "Năm 2026",
            "Xây dựng cơ sở dữ liệu di sản văn hóa",
        ),
        (
            "2#2",
            ["Ủy ban nhân dân các xã, phường"],
            [],
            "Hằng năm",
            "Kiểm kê di tích trên địa bàn tỉnh",
        ),
    ]


def test_lettered_items_under_a_group_heading_name_their_own_lead() -> None:
    r = extract_file(FIXTURES / "variant_group_heading.txt")
    got = [(t.id, t.lead, t.timeframe.raw, t.text) for t in r.tasks]
    assert got == [
        (
            "I.1.1",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            "trong Quý IV/2026",
            "Chủ trì tổ chức các hoạt động chính trong Quý IV/2026.",
        ),
        ("I.1.2", ["Sở Tài chính"], None, "Bố trí kinh phí thực hiện."),
        ("I.2", ["Ủy ban nhân dân các xã, phường"], None, "Tổ chức hoạt động hưởng ứng."),
    ]


def test_markdown_plan_reads_like_a_typed_one() -> None:
    # headings with `#`, a bold title, italic `Căn cứ` lines, bold numbers inside target
    # bullets, bold group rows and a column-number row in the task table, and the signer in
    # a cell of `<br>`-joined lines
    r = extract_file(FIXTURES / "variant_markdown_plan.txt")
    d = r.document
    assert d.title == "Số hóa tư liệu văn hóa và phát triển du lịch thông minh năm 2026"
    assert d.signer == "Lê Văn Phúc"
    assert d.implements[0].issuer == "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"
    metrics = [[(m.value, m.unit) for m in t.metrics] for t in r.targets]
    assert metrics == [[(40, "tài liệu")], [(60, "%"), (2, "hội thảo"), (3, "hội thảo")]]
    assert {t.horizon for t in r.targets} == {2026}
    assert [t.id for t in r.tasks] == ["I.1", "I.2", "II.3"]
    assert r.tasks[0].group_title == "Nhóm nhiệm vụ số hóa tư liệu"
    assert r.tasks[0].coordinating == [
        "Ban Quản lý Khu du lịch quốc gia Hồ Tuyền Lâm",
        "Ủy ban nhân dân các xã có làng nghề",
    ]
    assert [(x.every, x.due, x.via) for x in r.reporting] == [("month", "25", "Văn phòng Sở")]


def test_commune_plan_bodies_read_whole_and_titles_over_villages_lead() -> None:
    r = extract_file(FIXTURES / "variant_commune_bodies.txt")
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert roles["II.1.1"] == (["Phòng Văn hóa - Xã hội"], ["Trung tâm Dịch vụ tổng hợp xã"])
    assert roles["II.1.2"] == (["Phòng Văn hóa - Xã hội"], ["Công an xã"])
    assert roles["II.2.1"][0] == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]
    assert roles["II.3.1"] == (["Trạm Y tế xã"], ["Phòng Văn hóa - Xã hội"])
    assert roles["II.4.1"][1] == [
        "Hội Liên hiệp Thanh niên Việt Nam xã",
        "các đoàn thể cùng cấp",
    ]
    assert roles["II.4.2"][1] == ["Ủy ban nhân dân các thôn, bản"]
    assert roles["II.5.1"][0] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "các tổ chức chính trị - xã hội xã",
    ]
    assert roles["II.6.1"] == (["Trưởng các thôn, bản"], [])
    assert roles["II.6.2"] == (["Trưởng các thôn, bản"], ["Phòng Văn hóa - Xã hội"])


def test_ward_plan_signed_bare_is_the_wards_and_its_group_heads_lead() -> None:
    """A header naming a ward's committee and a bare `TM. ỦY BAN NHÂN DÂN`: the ward's
    committee issues, its place name kept; `Tổ trưởng tổ dân phố` heads its bullets as a
    title over residential groups; `ra quân` ends the coordinator's name."""
    r = extract_file(FIXTURES / "variant_ward_group_heads.txt")
    assert r.document.issuer == "Ủy ban nhân dân phường An Hòa"
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert roles["II.2.1"] == (["Tổ trưởng tổ dân phố"], [])
    assert roles["II.2.2"] == (["Tổ trưởng tổ dân phố"], ["Ban Công tác Mặt trận khu phố"])
    r = extract_file(FIXTURES / "variant_commune_bodies.txt")
    assert r.document.issuer == "Ủy ban nhân dân xã Tân Lập"


def test_youth_union_plan_is_issued_by_its_standing_committee() -> None:
    r = extract_file(FIXTURES / "variant_youth_union_plan.txt")
    assert r.document.issuer == "Ban Thường vụ Tỉnh đoàn"
    assert [d.issuer for d in r.document.implements] == ["Ban Bí thư Trung ương Đoàn"]
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    assert roles["II.1"] == (
        ["Ban Phong trào Tỉnh đoàn"],
        ["Hội Liên hiệp Thanh niên Việt Nam tỉnh"],
    )
    assert roles["II.2"][1] == ["Ủy ban nhân dân các xã, phường", "các đoàn thể cùng cấp"]


def test_scheme_with_a_project_catalogue_takes_its_tasks_from_the_implementation_part() -> None:
    """A Đề án's appendix lists priced projects (`Tên dự án | … | Tổng mức đầu tư`), not
    tasks: the tasks are the bullets under the agency headings; its `CĂN CỨ XÂY DỰNG ĐỀ ÁN`
    section stands for a preamble's `Căn cứ …`."""
    r = extract_file(FIXTURES / "variant_scheme_project_list.txt")
    assert [ref.number for ref in r.document.implements] == [
        "09/2017/QH14",
        "922/QĐ-TTg",
        "05-NQ/TU",
    ]
    assert [(t.text[:22], t.lead) for t in r.tasks] == [
        ("Chủ trì, phối hợp với ", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Tổ chức lớp bồi dưỡng ", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Chủ trì sơ kết, tổng k", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Hỗ trợ các hợp tác xã ", ["Sở Nông nghiệp và Môi trường"]),
        ("Phối hợp với Ủy ban nh", ["Sở Nông nghiệp và Môi trường"]),
        ("Rà soát, đề xuất các đ", ["Ủy ban nhân dân các xã, phường"]),
    ]
    assert not any("Sa Đéc" in t.text for t in r.tasks)
    # the reviews' years in a closing parenthesis: the first decides
    review = r.tasks[2].timeframe
    assert (review.kind, review.start, review.end) == ("window", "2028-01-01", "2028-12-31")
    assert r.tasks[4].coordinating == ["Ủy ban nhân dân các xã, phường có làng nghề"]


def test_agency_headings_with_a_bracketed_note_and_a_conditional_timeframe() -> None:
    r = extract_file(FIXTURES / "variant_heading_bracket_notes.txt")
    tasks = {t.id: t for t in r.tasks}
    assert list(tasks) == ["II.1.1", "II.1.2", "II.2.1", "II.3.1"]
    assert tasks["II.1.1"].lead == tasks["II.1.2"].lead == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert tasks["II.2.1"].lead == ["Sở Giáo dục và Đào tạo"]
    tf = tasks["II.3.1"].timeframe
    assert (tf.raw, tf.kind) == ("thường xuyên, khi có yêu cầu", "on_request")


def test_commune_plan_bodies_written_short() -> None:
    """A commune's plan naming its own bodies short: the office of both councils (`VP
    HĐND&UBND xã`, `VP HĐND và UBND xã`: one body), its rooms and centres, and schools by their
    levels; a group of schools is kept as written."""
    r = extract_file(FIXTURES / "variant_commune_short_names.txt")
    roles = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    office = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
    assert roles["II.1.1"] == (
        ["Phòng Văn hóa - Xã hội"],
        [office, "Trung tâm Dịch vụ tổng hợp xã", "Ban Chỉ huy Quân sự xã", "các đoàn thể"],
    )
    assert roles["III.1.1"] == (["Phòng Văn hóa - Xã hội"], [office])
    assert roles["III.1.2"][1] == ["Trường Trung học cơ sở Nguyễn Du"]
    assert roles["III.1.3"][1] == [
        "Trường Phổ thông dân tộc bán trú Tiểu học và Trung học cơ sở Hòa Bình"
    ]
    assert roles["III.2.1"] == (["Các trường MN, TH, THCS trên địa bàn xã"], [])
    assert [x.to for x in r.reporting] == ["Phòng Văn hóa - Xã hội"]


def test_role_wordings_in_one_agency_column() -> None:
    """One `Cơ quan thực hiện` column whose cells word the roles each their own way: an
    advising body in brackets leads under the committee that directs, a guiding one directs the
    bodies before it, a unit in brackets is its body's, a dash lists two bodies, the scope
    (`theo chức năng`) and a body's work (`thẩm định, trình UBND tỉnh`) are no names; a year
    and the years after it, the keeping on named between, is `from`."""
    r = extract_file(FIXTURES / "variant_cell_role_wordings.txt")
    roles = {t.id: (t.directing, t.lead, t.coordinating) for t in r.tasks}
    culture = "Sở Văn hóa, Thể thao và Du lịch"
    assert roles == {
        "I.1": (["Ủy ban nhân dân tỉnh"], [culture], []),
        "I.2": ([], ["Sở Tài chính"], []),
        "I.3": ([culture], ["Các cơ quan báo chí"], []),
        "II.1": ([], [culture, "Sở Giáo dục và Đào tạo"], []),
        "II.2": ([], ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], []),
        "II.3": ([], ["Sở Nội vụ"], []),
    }
    last = r.tasks[-1].timeframe
    assert (last.kind, last.start, last.end) == ("from", "2026-01-01", None)
