"""Agency names: canonical forms, list splitting, roles inside a cell."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.agencies import (
    agency_phrase,
    canonical,
    cell_roles,
    document_province,
    labelled_roles,
    lines_as_list,
    order_note,
    parse_list,
    parse_roles,
    spelt_out,
    starts_with_agency,
    take_agencies,
)

from .conftest import FIXTURES

SPLITS = [
    (
        "Đảng ủy UBND tỉnh và các cơ quan liên quan",
        ["Đảng ủy Ủy ban nhân dân tỉnh", "các cơ quan liên quan"],
    ),
    (
        "Các Sở, ban, ngành và các địa phương liên quan",
        ["Các Sở, ban, ngành", "các địa phương liên quan"],
    ),
    (
        "Cơ quan thuế, các đơn vị cấp tỉnh và các địa phương",
        ["Cơ quan thuế", "các đơn vị cấp tỉnh", "các địa phương"],
    ),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Báo và Phát thanh, Truyền hình Điện Biên", ["Báo và Phát thanh, Truyền hình Điện Biên"]),
    ("Ủy ban nhân dân các xã, phường, đặc khu", ["Ủy ban nhân dân các xã, phường, đặc khu"]),
    ("Các cơ quan, đơn vị, địa phương liên quan", ["Các cơ quan, đơn vị, địa phương liên quan"]),
    ("Các sở, ban, ngành và địa phương", ["Các sở, ban, ngành và địa phương"]),
    (
        "Sở Văn hóa, Thể thao và Du lịch; Bộ Chỉ huy Quân sự tỉnh; Công an tỉnh; UBND các xã, phường,",
        [
            "Sở Văn hóa, Thể thao và Du lịch",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Công an tỉnh",
            "Ủy ban nhân dân các xã, phường",
        ],
    ),
    ("Sở Tài chính, Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),
    # bare nouns closed by a head and their owner: the owner's units, one group
    (
        "Các Cục, Vụ, Thanh tra Bộ và các đơn vị thuộc Bộ",
        ["Các Cục, Vụ, Thanh tra Bộ", "các đơn vị thuộc Bộ"],
    ),
    ("Các phòng, ban, Văn phòng Sở", ["Các phòng, ban, Văn phòng Sở"]),
    # a named body after the list, or after a full name, is another agency
    (
        "Các sở, ngành, UBND các xã, phường có di tích",
        ["Các sở, ngành", "Ủy ban nhân dân các xã, phường có di tích"],
    ),
    ("Vụ Pháp chế, Văn phòng Bộ", ["Vụ Pháp chế", "Văn phòng Bộ"]),
    ("Các phòng, Văn phòng Sở Tư pháp", ["Các phòng", "Văn phòng Sở Tư pháp"]),
    # a bare noun that the group's qualifier follows is the group's last item
    ("Viện Âm nhạc và các Cục, Vụ có liên quan", ["Viện Âm nhạc", "các Cục, Vụ có liên quan"]),
    ("Các Phòng, Ban trực thuộc Sở", ["Các Phòng, Ban trực thuộc Sở"]),
    ("Các phòng, ban, Công an tỉnh", ["Các phòng, ban", "Công an tỉnh"]),
    # a ministry's department whose fields are listed, one of them a head elsewhere
    (
        "Cục Văn hóa cơ sở, Gia đình và Thư viện, Thư viện tỉnh",
        ["Cục Văn hóa cơ sở, Gia đình và Thư viện", "Thư viện tỉnh"],
    ),
    (
        "Cục Phát thanh, Truyền hình và Thông tin điện tử; Cục Xuất bản, In và Phát hành",
        ["Cục Phát thanh, Truyền hình và Thông tin điện tử", "Cục Xuất bản, In và Phát hành"],
    ),
    # the party committee of the Front and the mass organisations: one body, `, các` inside
    (
        "Đảng ủy UBND tỉnh, Đảng ủy MTTQ, các đoàn thể tỉnh, Đảng ủy các xã, phường",
        [
            "Đảng ủy Ủy ban nhân dân tỉnh",
            "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
            "Đảng ủy các xã, phường",
        ],
    ),
]


@pytest.mark.parametrize(("cell", "names"), SPLITS, ids=[s[0] for s in SPLITS])
def test_split(cell, names) -> None:
    assert parse_list(cell) == names


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Văn hóa, Thể Thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở Khoa học Công nghệ", "Sở Khoa học và Công nghệ"),
        ("BCH Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("Đảng uỷ UBND tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"),
        ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường"),
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh"),
        ("Công an tỉnh Điện Biên", "Công an tỉnh"),
        ("Ban Thường vụ Tỉnh ủy Cao Bằng", "Ban Thường vụ Tỉnh ủy"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        # the short headings of an assignment matrix's columns
        ("Sở TC", "Sở Tài chính"),
        ("Sở NV", "Sở Nội vụ"),
        ("Sở DTTG", "Sở Dân tộc và Tôn giáo"),
        ("CA tỉnh", "Công an tỉnh"),
        # an office that shortens every name: the trade department, the party's boards
        ("Sở CT", "Sở Công Thương"),
        ("Sở NgV", "Sở Ngoại vụ"),
        ("BTG&DV Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("Ban TGDV Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("BTG Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        ("BDV Tỉnh ủy", "Ban Dân vận Tỉnh ủy"),
        ("Hội ND tỉnh", "Hội Nông dân tỉnh"),
        ("Hội CTĐ tỉnh", "Hội Chữ thập đỏ tỉnh"),
        ("Liên minh HTX tỉnh", "Liên minh Hợp tác xã tỉnh"),
        ("BQL các KCN tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"),
        ("BCH BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        ("Trường CT tỉnh", "Trường Chính trị tỉnh"),
        # the paper-and-broadcaster, its province kept as written
        ("Báo và PT,TH Ninh Bình", "Báo và Phát thanh, Truyền hình Ninh Bình"),
        ("Báo và PT-TH", "Báo và Phát thanh, Truyền hình"),
        # the union of the literature and arts associations is not the one association
        ("Liên hiệp các Hội VHNT tỉnh", "Liên hiệp các Hội Văn học Nghệ thuật tỉnh"),
        ("Liên hiệp các hội văn học nghệ thuật tỉnh", "Liên hiệp các Hội Văn học Nghệ thuật tỉnh"),
        ("Hội Văn học - Nghệ thuật tỉnh", "Hội Văn học Nghệ thuật tỉnh"),
    ],
)
def test_canonical(written, name) -> None:
    assert canonical(written) == name


def test_lead_and_coordinating_from_the_cell_words() -> None:
    lead, coord = parse_roles(
        "Sở Nội vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch; UBND các xã, phường."
    )
    assert lead == ["Sở Nội vụ"]
    assert coord == ["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các xã, phường"]


def test_role_marks_in_parentheses() -> None:
    assert parse_roles("Sở VHTTDL (chủ trì); Sở Tài chính, Sở Nội vụ (phối hợp)") == (
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Tài chính", "Sở Nội vụ"],
    )


def test_plain_list_is_all_lead() -> None:
    assert parse_roles("Sở Tài chính; Sở Nội vụ") == (["Sở Tài chính", "Sở Nội vụ"], [])


# OCR'd marks: names, role words and provinces are matched without them.


def test_an_ocr_damaged_registered_name_starts_an_agency_phrase() -> None:
    from kehoach.extract.agencies import starts_with_agency

    assert starts_with_agency("Hỗi Văn học Nghệ thuật tỉnh")
    assert starts_with_agency("Sơ Văn hóa, Thể thao và Du lịch")
    assert not starts_with_agency("Số liệu thống kê")
    assert not starts_with_agency("hội văn học nghệ thuật tỉnh")  # not at a name's capital


def test_role_words_with_damaged_marks() -> None:
    assert parse_roles("Sở Tại chính chủ trí, phôi hợp các sở, ban, ngành") == (
        ["Sở Tài chính"],
        ["các sở, ban, ngành"],
    )
    assert parse_roles("Sở Y tế (chu trì); Công an tỉnh (phối hơp)") == (
        ["Sở Y tế"],
        ["Công an tỉnh"],
    )


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Ủy ban nhân dân tinh Lao Cai", "Ủy ban nhân dân tỉnh"),
        ("Tỉnh ủy Lào Cai", "Tỉnh ủy"),
        (
            "Các Sơ, ban, ngành và các địa phương liên quan",
            "Các Sở, ban, ngành và các địa phương liên quan",
        ),
        ("các tổ chức, cà nhân", "các tổ chức, cá nhân"),
        # after the group's own words, a word that folds like one of them is another word
        ("các cơ quan, đơn vị trên địa bàn tỉnh", "các cơ quan, đơn vị trên địa bàn tỉnh"),
        ("các trường học trên địa bàn", "các trường học trên địa bàn"),
    ],
)
def test_canonical_through_damaged_marks(written, name) -> None:
    assert canonical(written) == name


def test_a_body_after_a_comma_whatever_the_marks_of_its_first_word() -> None:
    assert parse_list("Viện Kiểm sát nhân dân tỉnh, Tòa an Nhân dân tỉnh") == [
        "Viện Kiểm sát nhân dân tỉnh",
        "Tòa án nhân dân tỉnh",
    ]
    assert parse_list(
        "Các sở, ban, ngành, đoàn thể và Ủy bản Nhân dân các xa, phường, đặc khu"
    ) == [
        "Các sở, ban, ngành, đoàn thể",
        "Ủy ban nhân dân các xã, phường, đặc khu",
    ]


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        (
            "Sở Văn hóa, Thể thao và Du lịch (chủ trì); Sở Tài chính, Sở Nội vụ",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Tài chính", "Sở Nội vụ"],
        ),
        ("Sở Tư pháp (chủ trì), Sở Nội vụ (phối hợp)", ["Sở Tư pháp"], ["Sở Nội vụ"]),
        ("Chủ trì: Sở Y tế; phối hợp: Công an tỉnh", ["Sở Y tế"], ["Công an tỉnh"]),
        (
            "Sở VHTTDL chủ trì; các sở, ngành phối hợp",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["các sở, ngành"],
        ),
        ("UBND các xã, phường (thực hiện)", ["Ủy ban nhân dân các xã, phường"], []),
    ],
)
def test_cells_that_mark_roles_every_way(cell, lead, coordinating):
    assert parse_roles(cell) == (lead, coordinating)


def test_a_province_ending_a_bodys_name_is_not_read_as_tinh() -> None:
    # `Hà Tĩnh` folds to `ha tinh`, close to the registered `… Truyền hình tỉnh`; the name is
    # kept as written, as for any other province
    assert canonical("Báo và Phát thanh, Truyền hình Hà Tĩnh") == (
        "Báo và Phát thanh, Truyền hình Hà Tĩnh"
    )
    assert canonical("Báo và Phát thanh, Truyền hình Gia Lai") == (
        "Báo và Phát thanh, Truyền hình Gia Lai"
    )
    # the word `tỉnh` itself is kept, as in `Công an tỉnh` and `Đài Phát thanh và Truyền hình
    # tỉnh` (the schema's names leave the province implicit, not the level), and `tỉnh X` is
    # still stripped
    assert canonical("Báo và Phát thanh, Truyền hình tỉnh") == "Báo và Phát thanh, Truyền hình tỉnh"
    assert canonical("Báo và PTTH tỉnh") == "Báo và Phát thanh, Truyền hình tỉnh"
    assert canonical("Công an tỉnh Hà Tĩnh") == "Công an tỉnh"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        # `Việt Nam` written after `MTTQ` is not said twice; the space before the level stays
        ("Ủy ban MTTQ Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
        ("MTTQ tỉnh", "Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Hội LHTN Việt Nam phường", "Hội Liên hiệp Thanh niên Việt Nam phường"),
    ],
)
def test_front_and_union_abbreviations_expand_once(written: str, name: str) -> None:
    assert canonical(written) == name


def test_a_registered_name_holding_va_is_not_parted() -> None:
    assert parse_list("Văn phòng HĐND và UBND xã") == [
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
    ]
    assert parse_list("Văn phòng Đoàn ĐBQH và HĐND tỉnh và Sở Y tế") == [
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        "Sở Y tế",
    ]


def test_a_title_over_residential_units_is_the_agency() -> None:
    from kehoach.extract.agencies import body_of_position, starts_with_agency

    assert starts_with_agency("Trưởng các thôn, bản: quản lý tủ sách")
    assert body_of_position("Trưởng các thôn") == "Trưởng các thôn"
    # a title over a body still gives the body
    assert body_of_position("Chủ tịch UBND các xã") == "Ủy ban nhân dân các xã"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # `cùng cấp` folds like the verb `cung cấp`: a group's own words, not its verb
        (
            "UBND các xã và các đoàn thể cùng cấp tổ chức hội thi",
            ["Ủy ban nhân dân các xã", "các đoàn thể cùng cấp"],
        ),
        ("Phòng Kinh tế cung cấp số liệu", ["Phòng Kinh tế"]),
        # a lower-case verb after a named body ends it, though `phòng` is also a noun
        ("Công an xã phòng ngừa vi phạm", ["Công an xã"]),
        ("Phòng Văn hóa - Xã hội bình xét gia đình tiêu biểu", ["Phòng Văn hóa - Xã hội"]),
        ("UBND các xã vùng cao bảo tồn dân ca", ["Ủy ban nhân dân các xã vùng cao"]),
        # gathering objects ends a group coordinated with: `sưu tầm` is its work
        ("các đoàn công tác sưu tầm hiện vật", ["các đoàn công tác"]),
        # a name that holds a verb of the list is read whole when registered
        ("Trung tâm Dịch vụ tổng hợp xã tổ chức hội diễn", ["Trung tâm Dịch vụ tổng hợp xã"]),
        # ... and when another body, not registered, follows it: its verb-like word is its own
        (
            "Trung tâm Dịch vụ tổng hợp phường và Phòng Quản lý đô thị phối hợp chỉnh trang",
            ["Trung tâm Dịch vụ tổng hợp phường", "Phòng Quản lý đô thị"],
        ),
    ],
)
def test_agency_phrase_ends_at_the_verb(text: str, names: list[str]) -> None:
    from kehoach.extract.agencies import agency_phrase

    assert agency_phrase(text, any_start=True)[0] == names


def test_a_group_of_communes_named_by_who_lives_there_runs_on_through_co() -> None:
    from kehoach.extract.agencies import agency_phrase

    # `có` ends a phrase as a verb (`UBND các xã có trách nhiệm …`), not inside the qualifier
    # of a group of communes (`các xã có đồng bào dân tộc thiểu số`, `các xã có di tích`)
    assert agency_phrase("Sở Nội vụ, UBND các xã có đồng bào dân tộc thiểu số mở lớp học")[0] == [
        "Sở Nội vụ",
        "Ủy ban nhân dân các xã có đồng bào dân tộc thiểu số",
    ]
    assert agency_phrase("UBND các xã có di tích tổ chức lễ hội")[0] == [
        "Ủy ban nhân dân các xã có di tích"
    ]
    assert agency_phrase("UBND các xã có trách nhiệm bố trí quỹ đất")[0] == [
        "Ủy ban nhân dân các xã"
    ]


def test_a_registered_group_goes_on_with_the_communes_it_takes_in() -> None:
    from kehoach.extract.agencies import agency_phrase

    names, rest = agency_phrase(
        "Sở Công Thương và Ủy ban nhân dân các xã, phường có làng nghề hỗ trợ các hộ sản xuất"
    )
    assert names == ["Sở Công Thương", "Ủy ban nhân dân các xã, phường có làng nghề"]
    assert rest == "hỗ trợ các hộ sản xuất"
    # a verb after the name still ends it
    assert agency_phrase("Sở Tài chính có trách nhiệm thẩm định")[0] == ["Sở Tài chính"]


def test_communes_named_by_what_they_have_run_on_through_co() -> None:
    from kehoach.extract.agencies import agency_phrase

    # any group of communes (`commune_groups`) with a feature they have (`commune_features`)
    names, rest = agency_phrase(
        "Sở Công Thương, UBND các phường có vùng trồng hoa hỗ trợ tiêu thụ hoa", any_start=True
    )
    assert names == ["Sở Công Thương", "Ủy ban nhân dân các phường có vùng trồng hoa"]
    assert rest == "hỗ trợ tiêu thụ hoa"
    assert agency_phrase("UBND các xã, phường có lễ hội truyền thống bố trí lực lượng")[0] == [
        "Ủy ban nhân dân các xã, phường có lễ hội truyền thống"
    ]


def test_communes_named_by_what_was_done_to_their_feature_run_on_through_it() -> None:
    from kehoach.extract.agencies import agency_phrase

    # `được lựa chọn` says which heritage (`commune_feature_qualifiers`): `lựa chọn` is no
    # verb of the group there, and the group runs on to the verb after it
    names, rest = agency_phrase("UBND các xã, phường có di sản được lựa chọn phối hợp lập hồ sơ")
    assert names == ["Ủy ban nhân dân các xã, phường có di sản được lựa chọn"]
    assert rest == "phối hợp lập hồ sơ"
    # without a feature before it, `lựa chọn` is still the group's verb
    assert agency_phrase("UBND các xã lựa chọn nghệ nhân tiêu biểu")[0] == [
        "Ủy ban nhân dân các xã"
    ]


def test_a_group_missing_a_word_of_a_registered_name_is_not_that_name() -> None:
    # `các phường` names the wards only: no misspelling of `các xã, phường`
    assert canonical("UBND các phường") == "Ủy ban nhân dân các phường"
    # a misspelling still is
    assert canonical("Sở Văn hóa, Thể thao và Du lich") == "Sở Văn hóa, Thể thao và Du lịch"


def test_the_provinces_web_portal_is_a_body() -> None:
    from kehoach.extract.agencies import agency_phrase

    assert canonical("Cổng TTĐT tỉnh") == "Cổng Thông tin điện tử tỉnh"
    assert agency_phrase("Cổng thông tin điện tử tỉnh đăng tải tin bài")[0] == [
        "Cổng Thông tin điện tử tỉnh"
    ]


def test_a_named_person_in_a_list_is_in_no_role() -> None:
    cell = "Đồng chí Vũ Văn Nam, Phó Giám đốc Sở (Trưởng đoàn); Công an tỉnh; Đ/c Hà Mai; Sở Y tế"
    assert parse_list(cell) == ["Công an tỉnh", "Sở Y tế"]


def test_a_person_in_charge_in_brackets_after_a_body_is_in_no_role() -> None:
    """`Phòng X (đ/c …, Phó Giám đốc Sở phụ trách)`: the bracket names a person, not a body,
    and its comma parts nothing."""
    cell = "Phòng Nghiệp vụ Dược (đ/c Lê Hải, Phó Giám đốc Sở phụ trách); Thanh tra Sở"
    assert parse_list(cell) == ["Phòng Nghiệp vụ Dược", "Thanh tra Sở"]
    lead = "Phòng Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Sở (Đồng chí Hà Minh phụ trách)"
    assert cell_roles(lead) == ([], ["Phòng Tổ chức cán bộ"], ["Văn phòng Sở"])


def test_cu_sending_someone_ends_a_name_in_running_text() -> None:
    """`cử` (sends a reporter, an officer) is a verb; `cứ` of `căn cứ` stays one too."""
    names, rest = agency_phrase("Đài Phát thanh và Truyền hình tỉnh cử phóng viên đưa tin")
    assert (names, rest) == (["Đài Phát thanh và Truyền hình tỉnh"], "cử phóng viên đưa tin")


def test_an_abbreviated_name_is_the_full_name_the_document_writes_elsewhere() -> None:
    names = ["Phòng Quản lý gia đình", "Trung tâm Y tế dự phòng tỉnh", "Phòng QLGĐ", "TT Y tế"]
    assert spelt_out("Phòng QLGĐ", names) == "Phòng Quản lý gia đình"
    assert spelt_out("Phòng QL GĐ", names) == "Phòng Quản lý gia đình"
    assert spelt_out("TT Y tế dự phòng tỉnh", names) == "Trung tâm Y tế dự phòng tỉnh"
    # no full name whose words it spells, or two of them: kept as written
    assert spelt_out("TT Y tế", names) == "TT Y tế"
    two = ["Trung tâm Văn hóa tỉnh", "Thường trực Văn hóa tỉnh"]
    assert spelt_out("TT Văn hóa tỉnh", two) == "TT Văn hóa tỉnh"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # `tổ chức` is a group noun and a verb: before another verb it is the verb
        ("tổ chức tổng kết, đánh giá việc thực hiện", []),
        ("Tổ chức triển khai kế hoạch tại cơ sở", []),
        ("Tổ chức chính trị - xã hội tỉnh vận động hội viên", ["Tổ chức chính trị - xã hội tỉnh"]),
    ],
)
def test_a_group_noun_that_is_also_a_verb_opens_no_phrase_before_a_verb(
    text: str, names: list[str]
) -> None:
    from kehoach.extract.agencies import agency_phrase

    assert agency_phrase(text)[0] == names


def test_a_joint_lead_mark_makes_every_named_body_lead() -> None:
    assert parse_roles("Sở Y tế, Sở Nội vụ (đồng chủ trì); UBND các xã (phối hợp)") == (
        ["Sở Y tế", "Sở Nội vụ"],
        ["Ủy ban nhân dân các xã"],
    )


def test_a_one_word_body_followed_by_a_comma_starts_a_new_agency() -> None:
    assert parse_list("Liên đoàn Lao động tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh") == [
        "Liên đoàn Lao động tỉnh",
        "Tỉnh đoàn",
        "Hội Nông dân tỉnh",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cơ quan thường trực BCĐ (Sở VHTTDL)", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở VH,TT&DL - Cơ quan thường trực BCĐ", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Đơn vị đầu mối (Sở Y tế)", "Sở Y tế"),
        # the place in brackets after the body (`1. Sở X (cơ quan thường trực giúp UBND
        # tỉnh):`), also when a line break lost the closing bracket
        ("Sở VHTTDL (cơ quan thường trực giúp UBND tỉnh)", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Y tế (cơ quan thường trực", "Sở Y tế"),
        ("Thường trực BCĐ", "Thường trực Ban Chỉ đạo"),
        ("Tổ giúp việc BCĐ", "Tổ giúp việc Ban Chỉ đạo"),
    ],
)
def test_a_committee_place_gives_the_body_that_holds_it(name: str, expected: str) -> None:
    assert canonical(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a heading's body with its standing place, or its own short name, in brackets
        ("Sở VHTT&DL (cơ quan thường trực)", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Tư pháp (cơ quan đầu mối)", "Sở Tư pháp"),
        ("Sở Giáo dục và Đào tạo (Sở GD&ĐT)", "Sở Giáo dục và Đào tạo"),
        ("Ủy ban nhân dân tỉnh (UBND tỉnh)", "Ủy ban nhân dân tỉnh"),
    ],
)
def test_a_bracket_after_a_body_that_only_describes_it_is_dropped(name: str, expected: str) -> None:
    assert canonical(name) == expected


def test_rooms_written_by_initials_begin_a_body_in_a_list() -> None:
    """`TT VHNT tỉnh`, `P.KHTC`: initials after `TT` or `P.` begin a body (read as written, to
    be spelt out as the document names it); a table's `TT` column or an `TT NỘI DUNG` heading
    begin none; `VHNT` is the writers' union only after `Hội`."""
    assert parse_list("Bảo tàng tỉnh, TT VHNT tỉnh và UBND các xã, phường") == [
        "Bảo tàng tỉnh",
        "TT VHNT tỉnh",
        "Ủy ban nhân dân các xã, phường",
    ]
    assert agency_phrase("P.KHTC rà soát nhu cầu kinh phí")[0] == ["Phòng KHTC"]
    assert canonical("UBND P.Tân An") == "Ủy ban nhân dân P.Tân An"  # a ward, no Phòng
    assert not starts_with_agency("TT") and not starts_with_agency("TT NỘI DUNG NHIỆM VỤ")
    assert canonical("Hội VHNT tỉnh") == "Hội Văn học Nghệ thuật tỉnh"


def test_initials_spell_out_a_name_with_va_between_its_words() -> None:
    """`Trung tâm TTXTDL` is `Trung tâm Thông tin và Xúc tiến du lịch`: the `và` has no
    initial of its own."""
    full = ["Trung tâm Thông tin và Xúc tiến du lịch", "Trung tâm Văn hóa - Nghệ thuật tỉnh"]
    assert spelt_out("Trung tâm TTXTDL", full) == full[0]
    assert spelt_out("TT VHNT tỉnh", full) == full[1]
    assert spelt_out("Phòng KHTC", ["Phòng Kế hoạch - Tài chính"]) == "Phòng Kế hoạch - Tài chính"


def test_a_body_of_another_province_keeps_its_provinces_name() -> None:
    """The document's province is implicit (`Công an tỉnh Nghệ An` is `Công an tỉnh` in a plan
    of Nghệ An); another province's body is named whole. With no province known, every
    province is taken for the document's."""
    with document_province("Nghệ An"):
        assert canonical("Công an tỉnh Nghệ An") == "Công an tỉnh"
        assert canonical("Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh") == (
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Tĩnh"
        )
    assert canonical("Công an tỉnh Hà Tĩnh") == "Công an tỉnh"


def test_a_name_read_in_one_province_is_read_afresh_in_another() -> None:
    """The readings of names are cached by the document's province too: a worker reads one
    province's plan after another's, and the same cell names a body of one and not the other."""
    cell = "Sở Tư pháp tỉnh Quảng Trị; Công an tỉnh Quảng Trị"
    for _ in range(2):  # asked again, each answer comes from the cache
        with document_province("Quảng Trị"):
            assert canonical("Sở Tư pháp tỉnh Quảng Trị") == "Sở Tư pháp tỉnh"
            assert parse_list(cell) == ["Sở Tư pháp tỉnh", "Công an tỉnh"]
            assert cell_roles(cell)[1] == ["Sở Tư pháp tỉnh", "Công an tỉnh"]
        with document_province("Hà Tĩnh"):
            assert canonical("Sở Tư pháp tỉnh Quảng Trị") == "Sở Tư pháp tỉnh Quảng Trị"
            assert parse_list(cell) == ["Sở Tư pháp tỉnh Quảng Trị", "Công an tỉnh Quảng Trị"]
            lead = cell_roles(cell)[1]
            assert lead == ["Sở Tư pháp tỉnh Quảng Trị", "Công an tỉnh Quảng Trị"]
            lead.append("a caller's own change")  # the cached reading is not the caller's list
            assert cell_roles(cell)[1] == lead[:2]


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        # the labels spelt out, abbreviated, on lines of their own, bulleted, after a period
        (
            "Chủ trì: Sở Tư pháp; phối hợp: Sở Nội vụ, UBND các xã, phường",
            ["Sở Tư pháp"],
            ["Sở Nội vụ", "Ủy ban nhân dân các xã, phường"],
        ),
        (
            "CT: Sở Y tế / PH: Công an tỉnh; Hội Chữ thập đỏ tỉnh",
            ["Sở Y tế"],
            ["Công an tỉnh", "Hội Chữ thập đỏ tỉnh"],
        ),
        (
            "Chủ trì: Sở Xây dựng\nPhối hợp: Sở Tài chính; UBND các xã, phường",
            ["Sở Xây dựng"],
            ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
        ),
        (
            "- Chủ trì: Tỉnh đoàn\n- Phối hợp: Sở VHTTDL, Sở GD&ĐT",
            ["Tỉnh đoàn"],
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"],
        ),
        (
            "Chủ trì tham mưu: Sở Nội vụ. Phối hợp: các cơ quan, đơn vị liên quan",
            ["Sở Nội vụ"],
            ["các cơ quan, đơn vị liên quan"],
        ),
        # a name holding commas is one agency, whichever label opens it
        (
            "Chủ trì: Báo và Phát thanh, Truyền hình Gia Lai; phối hợp: Sở Văn hóa, Thể thao và "
            "Du lịch",
            ["Báo và Phát thanh, Truyền hình Gia Lai"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
        ),
        # names before the first label lead; a lead label's value may name the roles itself
        ("Sở Công Thương; Phối hợp: Sở Tài chính", ["Sở Công Thương"], ["Sở Tài chính"]),
        (
            "Phân công thực hiện: Sở Y tế chủ trì, phối hợp với Công an tỉnh",
            ["Sở Y tế"],
            ["Công an tỉnh"],
        ),
    ],
)
def test_cells_that_label_roles_inside_them(cell, lead, coordinating) -> None:
    """`Chủ trì: X; phối hợp: Y` in every way a cell writes its labels."""
    assert parse_roles(lines_as_list(cell)) == (lead, coordinating)
    assert labelled_roles(cell) == ([], lead, coordinating)


@pytest.mark.parametrize(
    "cell",
    [
        "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ",
        "UBND các xã, phường; Sở Xây dựng",
        # a label's words inside a name's bracket, or an abbreviation not where a label stands
        "Sở Y tế (chủ trì: khám sàng lọc)",
        "Văn bản số 12-CT: hướng dẫn",
    ],
)
def test_a_cell_without_a_label_in_a_labels_place_is_read_as_before(cell) -> None:
    assert labelled_roles(cell) is None


def test_a_label_on_a_line_of_its_own_parts_the_cell_whatever_its_case() -> None:
    """`Chủ trì: X` / `phối hợp: Y`: the second line is a part of its own, not X's name going on."""
    joined = lines_as_list("Chủ trì: Sở Y tế\nphối hợp: Công an tỉnh")
    assert joined == "Chủ trì: Sở Y tế; phối hợp: Công an tỉnh"
    assert parse_roles(joined) == (["Sở Y tế"], ["Công an tỉnh"])


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # a cell wrapped at its width right after a head that names nothing alone
        (
            "Sở Khoa học và Công nghệ; Ủy ban\nMTTQ Việt Nam tỉnh",
            ["Sở Khoa học và Công nghệ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
        ),
        ("Văn phòng\nUBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        # a whole name on each line: each line a body of its own
        ("Sở Y tế\nBan Dân tộc", ["Sở Y tế", "Ban Dân tộc"]),
        ("Tỉnh đoàn\nUBND các xã", ["Tỉnh đoàn", "Ủy ban nhân dân các xã"]),
    ],
)
def test_a_line_that_ends_on_a_bare_head_goes_on_with_the_next(cell, names) -> None:
    assert parse_list(lines_as_list(cell)) == names


@pytest.mark.parametrize(
    ("written", "name"),
    [
        # a registered body with a unit of its own in brackets: the body
        ("Sở VHTTDL (Bảo tàng tỉnh)", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Công an tỉnh (Phòng Cảnh sát quản lý hành chính)", "Công an tỉnh"),
        # a bracket that names no body stays
        ("UBND các xã, phường (nơi có lễ hội)", "Ủy ban nhân dân các xã, phường (nơi có lễ hội)"),
        # the province's paper and broadcaster, abbreviated
        ("Báo và PT, TH Gia Lai", "Báo và Phát thanh, Truyền hình Gia Lai"),
        ("Báo và PTTH Bắc Ninh", "Báo và Phát thanh, Truyền hình Bắc Ninh"),
        # a relic site's board, and departments by their initials
        ("BQL Khu DTLS Kim Liên", "Ban Quản lý Khu di tích lịch sử Kim Liên"),
        ("Sở NV", "Sở Nội vụ"),
        ("Sở TC", "Sở Tài chính"),
        ("Sở XD", "Sở Xây dựng"),
        ("Sở NNMT", "Sở Nông nghiệp và Môi trường"),
    ],
)
def test_units_in_brackets_and_the_broadcaster(written: str, name: str) -> None:
    assert canonical(written) == name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Trường THCS Kim Đồng", "Trường Trung học cơ sở Kim Đồng"),
        ("trường THPT số 2", "Trường Trung học phổ thông số 2"),
        ("Trường TH và THCS Nam Sơn", "Trường Tiểu học và Trung học cơ sở Nam Sơn"),
        (
            "Trường PTDTBT TH&THCS Hòa Bình",
            "Trường Phổ thông dân tộc bán trú Tiểu học và Trung học cơ sở Hòa Bình",
        ),
        # a group of schools is kept as written, its levels too
        ("các trường THCS trên địa bàn", "các trường THCS trên địa bàn"),
        ("Các trường MN, TH, THCS trên địa bàn xã", "Các trường MN, TH, THCS trên địa bàn xã"),
    ],
)
def test_a_schools_levels_are_spelt_out_before_its_own_name(written: str, name: str) -> None:
    assert canonical(written) == name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("VP HĐND&UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
        ("VP HĐND và UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"),
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Ban CHQS xã", "Ban Chỉ huy Quân sự xã"),
        ("TTDVTH xã", "Trung tâm Dịch vụ tổng hợp xã"),
        ("TT PVHCC phường", "Trung tâm Phục vụ hành chính công phường"),
        ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ],
)
def test_a_communes_bodies_written_short(written: str, name: str) -> None:
    assert canonical(written) == name


def test_the_office_of_both_councils_is_one_body_in_a_list() -> None:
    assert parse_list("VP HĐND và UBND xã, TTDVTH xã và các đoàn thể") == [
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        "Trung tâm Dịch vụ tổng hợp xã",
        "các đoàn thể",
    ]


def test_a_registered_room_goes_on_with_the_ward_it_belongs_to() -> None:
    """`Phòng Văn hóa - Xã hội` is registered (a commune's room, the commune implicit); named
    with its ward it is that ward's room, read whole."""
    assert agency_phrase("Phòng Văn hóa - Xã hội phường Đông Sơn tổ chức hội thi") == (
        ["Phòng Văn hóa - Xã hội phường Đông Sơn"],
        "tổ chức hội thi",
    )
    assert agency_phrase("Phòng Văn hóa - Xã hội phối hợp tổ chức") == (
        ["Phòng Văn hóa - Xã hội"],
        "phối hợp tổ chức",
    )


@pytest.mark.parametrize(
    "note",
    [
        "Ghi chú: đơn vị được ghi đầu tiên là đơn vị chủ trì, các đơn vị còn lại phối hợp.",
        "Lưu ý: cơ quan ghi đầu tiên là cơ quan chủ trì; các cơ quan tiếp theo phối hợp.",
        "(*) Cơ quan, đơn vị đứng đầu là đơn vị chủ trì thực hiện.",
        "Cơ quan chủ trì là cơ quan được nêu đầu tiên trong cột thực hiện.",
    ],
)
def test_a_note_that_the_first_named_agency_leads(note: str) -> None:
    assert order_note(note)


@pytest.mark.parametrize(
    "text",
    [
        # the head of a body (`người đứng đầu`) is no place in a list
        "Đề cao trách nhiệm người đứng đầu cơ quan chủ trì.",
        "Sở Tư pháp chủ trì, phối hợp với các đơn vị đứng đầu ngành thẩm định.",
        "Đơn vị chủ trì gửi báo cáo đầu tiên trước ngày 15/6.",
    ],
)
def test_text_that_is_no_note_on_the_order_of_names(text: str) -> None:
    assert not order_note(text)


def test_roles_marked_after_the_names_direct_lead_and_coordinate() -> None:
    """`X (chỉ đạo); Y (chủ trì); Z`: X directs, Y leads, the unmarked rest after a lead
    coordinates; `(đồng chủ trì)` makes each name before it lead."""
    cell = "Ban Thường vụ Tỉnh ủy (chỉ đạo); Sở VHTTDL (chủ trì); các sở, ngành liên quan"
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    assert cell_roles(cell) == (["Ban Thường vụ Tỉnh ủy"], [vh], ["các sở, ngành liên quan"])
    assert parse_roles(cell) == ([vh], ["các sở, ngành liên quan"])
    cell = "Công an tỉnh, Sở Tư pháp (đồng chủ trì); Sở VHTTDL (phối hợp)"
    assert cell_roles(cell) == ([], ["Công an tỉnh", "Sở Tư pháp"], [vh])


def test_by_the_order_of_names_the_first_leads_and_the_others_coordinate() -> None:
    """With a note on the order (`first_leads`), a list with no role words gives its first
    name (a group too) the lead; marked or worded roles stay as written. Without one, the
    list is all lead."""
    vh = "Sở Văn hóa, Thể thao và Du lịch"
    communes = "Ủy ban nhân dân các xã, phường"
    cell = "Sở Y tế, Sở VHTTDL; UBND các xã, phường"
    assert cell_roles(cell, first_leads=True) == ([], ["Sở Y tế"], [vh, communes])
    assert cell_roles(cell) == ([], ["Sở Y tế", vh, communes], [])
    cell = "Các sở, ban, ngành; UBND các xã, phường"
    assert cell_roles(cell, first_leads=True) == ([], ["Các sở, ban, ngành"], [communes])
    cell = "Sở VHTTDL chủ trì, phối hợp với Sở Y tế và Công an tỉnh"
    assert cell_roles(cell, first_leads=True) == ([], [vh], ["Sở Y tế", "Công an tỉnh"])
    cell = "Tỉnh ủy (chỉ đạo); Sở Y tế; Sở VHTTDL"
    assert cell_roles(cell, first_leads=True) == (["Tỉnh ủy"], ["Sở Y tế"], [vh])


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # a registered name that begins with no head word starts a new agency after a comma
        (
            "Báo và Phát thanh, Truyền hình Nghệ An, Cổng Thông tin điện tử tỉnh",
            ["Báo và Phát thanh, Truyền hình Nghệ An", "Cổng Thông tin điện tử tỉnh"],
        ),
        # the province's branches of the state telecom, post and power groups
        (
            "Sở Khoa học và Công nghệ, Viettel Nghệ An, VNPT Nghệ An",
            ["Sở Khoa học và Công nghệ", "Viettel Nghệ An", "VNPT Nghệ An"],
        ),
        ("Bưu điện tỉnh, Điện lực Nghệ An", ["Bưu điện tỉnh", "Điện lực Nghệ An"]),
        # still one name: a registered name's own words after its comma
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ],
)
def test_split_before_a_registered_name_or_an_enterprise_branch(cell, names) -> None:
    assert parse_list(cell) == names


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        # a head's title after `và` opens the body it heads (`người đứng đầu`, `Giám đốc`)
        (
            "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh và người đứng đầu các đoàn thể chính trị - xã"
            " hội tỉnh vận động hội viên",
            [
                "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Người đứng đầu các đoàn thể chính trị - xã hội tỉnh",
            ],
            "vận động hội viên",
        ),
        (
            "Giám đốc Sở Y tế, Giám đốc Công an tỉnh phối hợp kiểm tra",
            ["Giám đốc Sở Y tế", "Giám đốc Công an tỉnh"],
            "phối hợp kiểm tra",
        ),
        # the manner of the work (`nghiêm túc`) is no part of the body's name
        (
            "Chủ tịch UBND các phường nghiêm túc triển khai Kế hoạch",
            ["Chủ tịch Ủy ban nhân dân các phường"],
            "nghiêm túc triển khai Kế hoạch",
        ),
        # the area its communes lie in goes on with a commune group's name, with no `có`
        (
            "UBND các xã, phường vùng đồng bào dân tộc thiểu số hướng dẫn nhân dân",
            ["Ủy ban nhân dân các xã, phường vùng đồng bào dân tộc thiểu số"],
            "hướng dẫn nhân dân",
        ),
        (
            "Sở Nội vụ, UBND các xã biên giới tổ chức rà soát",
            ["Sở Nội vụ", "Ủy ban nhân dân các xã biên giới"],
            "tổ chức rà soát",
        ),
    ],
)
def test_heads_manners_and_areas_in_an_agency_phrase(
    text: str, names: list[str], rest: str
) -> None:
    assert agency_phrase(text) == (names, rest)


def test_a_persons_title_after_their_name_is_no_new_body() -> None:
    """`Đồng chí …, Phó Giám đốc Sở`: the title is the person's; the person is in no role."""
    assert parse_list(
        "Đồng chí Trần Văn Hải, Phó Giám đốc Sở Y tế (Trưởng đoàn); Công an tỉnh"
    ) == ["Công an tỉnh"]


def test_a_name_that_names_its_level_is_that_levels_body() -> None:
    """`Ban Xây dựng Đảng Đảng ủy` is registered with no level: the commune's (`… xã`) is
    another body, neither misspelt nor cut short; a bare `xã` after a name goes on with it,
    `xã hội` does not."""
    assert canonical("Ban Xây dựng Đảng Đảng ủy xã") == "Ban Xây dựng Đảng Đảng ủy xã"
    assert canonical("Ban Xay dung Dang Dang uy") == "Ban Xây dựng Đảng Đảng ủy"
    assert agency_phrase("Ban Xây dựng Đảng Đảng ủy xã: chủ trì") == (
        ["Ban Xây dựng Đảng Đảng ủy xã"],
        ": chủ trì",
    )
    assert agency_phrase("Sở Tài chính xã hội hóa nguồn lực")[0] == ["Sở Tài chính"]


def test_a_party_committees_word_goes_on_with_the_name_read_word_by_word() -> None:
    assert take_agencies("Ban Thường vụ Đảng ủy xã (qua Văn phòng)") == (
        ["Ban Thường vụ Đảng ủy xã"],
        "(qua Văn phòng)",
    )
    # after a word in lower case `ủy` begins a verb (`ủy quyền`), no name
    assert take_agencies("Sở Nội vụ ủy quyền cho các xã") == (["Sở Nội vụ"], "ủy quyền cho các xã")


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        # a request before the body asked is no part of its name
        (
            "Đề nghị Tỉnh đoàn chủ trì; mời Hội Nông dân tỉnh phối hợp",
            ["Tỉnh đoàn"],
            ["Hội Nông dân tỉnh"],
        ),
        ("Mời Hội Liên hiệp Phụ nữ tỉnh", ["Hội Liên hiệp Phụ nữ tỉnh"], []),
        ("Chủ trì: Đề nghị Tỉnh đoàn; Phối hợp: Sở Nội vụ", ["Tỉnh đoàn"], ["Sở Nội vụ"]),
        # the work the lead is given after `chủ trì` names no agency
        (
            "Đề nghị Ủy ban MTTQ Việt Nam tỉnh chủ trì giám sát; Sở VHTTDL phối hợp",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
            ["Sở Văn hóa, Thể thao và Du lịch"],
        ),
        (
            "Sở Công Thương chủ trì tổ chức, phối hợp với Sở Nội vụ",
            ["Sở Công Thương"],
            ["Sở Nội vụ"],
        ),
        ("Sở Y tế chủ trì thực hiện", ["Sở Y tế"], []),
        ("Sở Y tế chủ trì; các cơ quan liên quan phối hợp", ["Sở Y tế"], ["các cơ quan liên quan"]),
    ],
)
def test_requests_and_the_leads_work_in_a_role_cell(
    cell: str, lead: list[str], coordinating: list[str]
) -> None:
    assert cell_roles(cell) == ([], lead, coordinating)


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        # groups of boards named by their work: `quản lý`, `xây dựng` are no verb after `các ban`
        (
            "các ban quản lý di tích xây dựng bản đồ số",
            ["các ban quản lý di tích"],
            "xây dựng bản đồ số",
        ),
        (
            "các ban xây dựng Đảng của Tỉnh ủy đưa việc thực hiện vào chương trình",
            ["các ban xây dựng Đảng của Tỉnh ủy"],
            "đưa việc thực hiện vào chương trình",
        ),
        # `lập` begins the work after a commune's body
        (
            "Sở Xây dựng, Ủy ban nhân dân xã Cẩm Xuyên lập quy hoạch",
            ["Sở Xây dựng", "Ủy ban nhân dân xã Cẩm Xuyên"],
            "lập quy hoạch",
        ),
    ],
)
def test_work_after_a_group_of_boards_or_a_communes_body(
    text: str, names: list[str], rest: str
) -> None:
    assert agency_phrase(text, any_start=True) == (names, rest)


def test_villages_are_no_boards() -> None:
    """`bản` (a mountain village) folds like `ban` of `các sở, ban, ngành`, and is kept."""
    assert canonical("các bản Phiêng Cại, Nà Ngần") == "các bản Phiêng Cại, Nà Ngần"
    assert canonical("các thôn, bản") == "các thôn, bản"
    assert canonical("Các Sơ, ban, ngành") == "Các Sở, ban, ngành"


def test_a_committees_name_read_word_by_word_goes_on_through_its_lower_case_pairs() -> None:
    """`Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh`: `ban`, `trận`, `quốc` go on
    with the name after `Ủy`, `Mặt`, `Tổ`; `ban` after any other word (`… Lạng Sơn ban hành`)
    ends it."""
    from kehoach.extract.agencies import take_agencies

    names, rest = take_agencies(
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh để tổng hợp."
    )
    assert (names, rest) == (
        ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
        "để tổng hợp.",
    )
    names, rest = take_agencies("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Dân vận)")
    assert names == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]
    assert take_agencies("Ủy ban nhân dân tỉnh Lạng Sơn ban hành kế hoạch")[0] == [
        "Ủy ban nhân dân tỉnh"
    ]


def test_a_work_verb_or_a_qualifier_after_the_lead_names_no_body() -> None:
    """In closing parentheses: `X thực hiện, phối hợp với Y` gives lead X without its verb;
    `X, Y chủ trì theo chức năng, nhiệm vụ` names no coordinator (the comma inside the
    qualifier begins no new part), nor does `… theo chức năng, nhiệm vụ được giao, phối hợp
    với Z` make its words one (Z coordinates)."""
    r = extract_file(FIXTURES / "variant_parenthesis_roles_qualified.txt")
    assert [(t.id, t.lead, t.coordinating, t.timeframe.raw) for t in r.tasks[:3]] == [
        ("II.1.1", ["Trung tâm Văn hóa tỉnh"], ["Hội Khuyến học tỉnh"], "quý II/2027"),
        ("II.1.2", ["Sở Giáo dục và Đào tạo", "Thư viện tỉnh"], [], "năm 2027"),
        ("II.2.1", ["Sở Nội vụ"], ["Sở Tài chính"], "hằng năm"),
    ]
    # the same cells read alone
    assert parse_roles("Sở Y tế thực hiện, phối hợp với Công an tỉnh") == (
        ["Sở Y tế"],
        ["Công an tỉnh"],
    )
    assert parse_roles("Sở Nội vụ chủ trì theo chức năng, nhiệm vụ") == (["Sở Nội vụ"], [])
    # the work after `chủ trì` still ends where a body or `phối hợp` follows its comma
    assert parse_roles("Sở Nội vụ chủ trì tổ chức, Sở Tài chính phối hợp") == (
        ["Sở Nội vụ"],
        ["Sở Tài chính"],
    )


def test_a_group_ends_before_judging_or_training_and_communes_keep_what_they_have() -> None:
    """`các cơ quan liên quan | đánh giá …`, `các cơ sở giáo dục nghề nghiệp | đào tạo …`: the
    work ends the group; `các cơ sở đào tạo` names a group by it. `UBND các xã, phường nơi có
    di tích`, `… có tài nguyên du lịch` are the communes the group takes in."""
    assert agency_phrase("các cơ quan liên quan đánh giá, đề xuất điều chỉnh", any_start=True)[
        0
    ] == ["các cơ quan liên quan"]
    assert agency_phrase(
        "các cơ sở giáo dục nghề nghiệp đào tạo kỹ năng cho lao động", any_start=True
    )[0] == ["các cơ sở giáo dục nghề nghiệp"]
    assert agency_phrase("các cơ sở đào tạo, bồi dưỡng tổ chức lớp học", any_start=True)[0] == [
        "các cơ sở đào tạo, bồi dưỡng"
    ]
    assert agency_phrase("UBND các xã, phường nơi có di tích thực hiện tốt")[0] == [
        "Ủy ban nhân dân các xã, phường nơi có di tích"
    ]
    assert agency_phrase("UBND các xã, phường có tài nguyên du lịch xây dựng tuyến")[0] == [
        "Ủy ban nhân dân các xã, phường có tài nguyên du lịch"
    ]


def test_a_plan_that_shortens_every_name_in_its_headings_and_sentences() -> None:
    # `1. Sở VHTTDL` is a decimal heading (its initials do not make it an OCR'd `I.`); each
    # abbreviated heading leads its items, a mid-sentence `phối hợp với Sở CT, …` coordinates
    r = extract_file(FIXTURES / "variant_abbreviated_headings.txt")
    got = {t.id: (t.lead, t.coordinating) for t in r.tasks}
    vhttdl = "Sở Văn hóa, Thể thao và Du lịch"
    assert got == {
        "II.1.1": ([vhttdl], []),
        "II.1.2": ([vhttdl], ["Sở Công Thương", "Sở Nông nghiệp và Môi trường"]),
        "II.2": (["Sở Công Thương"], ["Sở Khoa học và Công nghệ"]),
        "II.3": (["Ban Tuyên giáo và Dân vận Tỉnh ủy"], []),
        "II.4": (["Sở Ngoại vụ"], []),
    }


@pytest.mark.parametrize(
    ("cell", "roles"),
    [
        # a body in brackets with the verb of its own part: the advising body does the work,
        # the committee that decides directs it (as `X chỉ đạo Y`)
        (
            "UBND tỉnh (Sở Y tế tham mưu)",
            (["Ủy ban nhân dân tỉnh"], ["Sở Y tế"], []),
        ),
        # a guiding body directs, the bodies before it carry out
        (
            "Các trường học (Sở GD&ĐT hướng dẫn)",
            (["Sở Giáo dục và Đào tạo"], ["Các trường học"], []),
        ),
        (
            "UBND các xã, phường (Sở Nông nghiệp và Môi trường phối hợp); Công an tỉnh",
            (
                [],
                ["Ủy ban nhân dân các xã, phường", "Công an tỉnh"],
                ["Sở Nông nghiệp và Môi trường"],
            ),
        ),
        # a unit of its own in brackets is still folded into its body
        ("Sở Nội vụ (Ban Thi đua - Khen thưởng)", ([], ["Sở Nội vụ"], [])),
        # the body that runs a subcommittee leads its work; the subcommittee only names the
        # unit it runs
        ("Tiểu ban Tuyên truyền (Sở Nội vụ chủ trì)", ([], ["Sở Nội vụ"], [])),
    ],
)
def test_a_body_in_brackets_with_its_verb_has_a_role_of_its_own(cell, roles) -> None:
    assert cell_roles(cell) == roles


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # the scope a body's part is limited to is no part of its name
        (
            "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh theo chức năng",
            ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
        ),
        ("Các sở, ngành theo chức năng, nhiệm vụ được giao", ["Các sở, ngành"]),
        # the work a registered body does, and the body it submits to, are none either
        ("Sở Tài chính thẩm định, trình UBND tỉnh", ["Sở Tài chính"]),
        # `có …` says which communes a group takes in: kept
        (
            "UBND các xã, phường có khu, điểm du lịch",
            ["Ủy ban nhân dân các xã, phường có khu, điểm du lịch"],
        ),
        # a dash between two named bodies lists them; inside a name it stays
        (
            "Sở Văn hóa, Thể thao và Du lịch - Sở Giáo dục và Đào tạo",
            ["Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"],
        ),
        ("Trung tâm Văn hóa - Điện ảnh tỉnh", ["Trung tâm Văn hóa - Điện ảnh tỉnh"]),
        (
            "Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"],
        ),
        # a standing place the body holds is no second body (`_holder_of_place`)
        ("Sở VH,TT&DL - Cơ quan thường trực BCĐ", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ],
)
def test_an_agency_list_without_words_that_name_no_body(cell, names) -> None:
    assert parse_list(cell) == names


@pytest.mark.parametrize(
    ("text", "names", "rest"),
    [
        # a board named in lower case by what it keeps goes on through `quản lý`
        (
            "Ban quản lý các di tích và Trung tâm Dịch vụ tổng hợp xã kiểm kê hiện vật",
            ["Ban quản lý các di tích", "Trung tâm Dịch vụ tổng hợp xã"],
            "kiểm kê hiện vật",
        ),
        # a registered name later in the list keeps its own `tổng hợp`
        (
            "Phòng Kinh tế, Hạ tầng và Đô thị và Trung tâm Dịch vụ tổng hợp phường tham mưu",
            ["Phòng Kinh tế, Hạ tầng và Đô thị", "Trung tâm Dịch vụ tổng hợp phường"],
            "tham mưu",
        ),
        # `thành lập` is the work, not the end of the name
        ("Hội Nông dân xã thành lập tổ hợp tác", ["Hội Nông dân xã"], "thành lập tổ hợp tác"),
        # a commune's military board is a Ban, the province's a Bộ
        ("BCH Quân sự xã chủ trì", ["Ban Chỉ huy Quân sự xã"], "chủ trì"),
        ("BCH Quân sự tỉnh chủ trì", ["Bộ Chỉ huy Quân sự tỉnh"], "chủ trì"),
        # the heads of the villages that have a relic
        (
            "Trưởng các thôn có di tích phối hợp với Ban quản lý di tích",
            ["Trưởng các thôn có di tích"],
            "phối hợp với Ban quản lý di tích",
        ),
    ],
)
def test_a_communes_bodies_named_in_running_text(text, names, rest) -> None:
    assert agency_phrase(text, any_start=True) == (names, rest)


def test_subcommittees_and_committees_closing_a_sentence_keep_their_whole_names() -> None:
    """`Tiểu ban …` heads a body; `hậu cần` (logistics) is no verb `cần` ending its name; a
    head of several words (`Ban Tổ chức`) closing a sentence is still that head."""
    assert agency_phrase("Tiểu ban Hậu cần - Lễ tân bố trí xe đưa đón")[0] == [
        "Tiểu ban Hậu cần - Lễ tân"
    ]
    assert agency_phrase("Tiểu ban Lễ tân - Hậu cần bố trí xe", any_start=True)[0] == [
        "Tiểu ban Lễ tân - Hậu cần"
    ]
    assert take_agencies("Ban Tổ chức.")[0] == ["Ban Tổ chức"]
    assert take_agencies("Ban Chỉ đạo; các sở")[0] == ["Ban Chỉ đạo", "các sở"]


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        # the committee named once after its last unit owns the bare units before it
        (
            "Ban Xây dựng Đảng, Văn phòng Đảng ủy xã",
            ["Ban Xây dựng Đảng Đảng ủy xã", "Văn phòng Đảng ủy xã"],
        ),
        (
            "Ban Tổ chức, Ban Tuyên giáo và Dân vận Tỉnh ủy",
            ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"],
        ),
        # another kind of body between them ends the run
        (
            "Ban Xây dựng Đảng, Công an xã, Văn phòng Đảng ủy xã",
            ["Ban Xây dựng Đảng", "Công an xã", "Văn phòng Đảng ủy xã"],
        ),
        # party cells, and the villages' ones
        ("Chi bộ UBND xã; Chi bộ các thôn", ["Chi bộ Ủy ban nhân dân xã", "Chi bộ các thôn"]),
    ],
)
def test_lists_of_a_commune_party_committees_bodies(cell: str, names: list[str]) -> None:
    assert parse_list(cell) == names


def test_a_commune_level_word_after_a_registered_unit_is_its_name_before_the_verb() -> None:
    # `Ban Xây dựng Đảng Đảng ủy` is registered; `xã` then a verb names the commune's own
    assert agency_phrase("Ban Xây dựng Đảng Đảng ủy xã tổ chức tập huấn")[0] == [
        "Ban Xây dựng Đảng Đảng ủy xã"
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        # a culture department's own rooms and centres, written short in its work calendars
        ("Phòng QLVH&GĐ", "Phòng Quản lý Văn hóa và Gia đình"),
        ("Phòng Quản lý TDTT", "Phòng Quản lý Thể dục thể thao"),
        ("Trung tâm HL&TĐ thể thao tỉnh", "Trung tâm Huấn luyện và Thi đấu thể thao tỉnh"),
    ],
)
def test_a_culture_departments_rooms_written_short(written: str, name: str) -> None:
    assert canonical(written) == name


def test_a_colon_ocr_read_for_a_semicolon_after_a_registered_name_parts_two_bodies() -> None:
    assert parse_list("Sở Nội vụ: UBND các xã, phường") == [
        "Sở Nội vụ",
        "Ủy ban nhân dân các xã, phường",
    ]
    # a label's colon parts nothing
    label = "Cơ quan thường trực: Sở Văn hóa, Thể thao và Du lịch"
    assert len(parse_list(label)) == 1


def test_the_work_after_a_registered_name_and_a_comma_is_none_of_it() -> None:
    assert parse_list("Sở VHTTDL, tổ chức Hội thi tìm hiểu di sản") == [
        "Sở Văn hóa, Thể thao và Du lịch"
    ]
    assert parse_list("Sở Nội vụ, Sở Tài chính") == ["Sở Nội vụ", "Sở Tài chính"]
