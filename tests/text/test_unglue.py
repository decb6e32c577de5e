"""Spaces OCR lost put back, and nothing else touched."""

import pytest

from kehoach.text.unglue import unglue, unglue_capital_pairs, unglue_damaged, unglue_pairs


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        (
            "Số17-NQ/TUQuảngNinh,ngày30tháng10năm2023",
            "Số 17-NQ/TU Quảng Ninh, ngày 30 tháng 10 năm 2023",
        ),
        ("TỈNHỦYQUẢNGNINH", "TỈNH ỦY QUẢNG NINH"),  # not TỈ NHỦY: the frequent reading
        ("NGHỊQUYẾT", "NGHỊ QUYẾT"),
        ("BANCHẤPHÀNHĐẢNGBỘTỈNH", "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"),
        ("thựchiệnnghịquyết", "thực hiện nghị quyết"),
        ("củaBanChấphànhĐảngbộtỉnh", "của Ban Chấp hành Đảng bộ tỉnh"),
        ("thực tiễn của tỉnhĐiện Biên.", "thực tiễn của tỉnh Điện Biên."),
        ("khoảng1.200", "khoảng 1.200"),
    ],
)
def test_glued_words_are_set_apart(glued, spaced):
    assert unglue(glued) == spaced


@pytest.mark.parametrize(
    "text",
    [
        "Số: 14-CTr/TU ngày 20/5/2026",  # a document number keeps its letters together
        "Facebook, YouTube, TikTok, VNeID, UBND, VHTTDL, HĐND-UBND, Blockchain, UBMTTQVN",
        "tỷ lệ 1,8%; 23.100 lượt; 2026-2030; Covid-19; Q1/2026; 80-NQ/TW",
        "https://vanban.chinhphu.vn/?pageid=27160&docid=212345 www.quangninh.gov.vn",
        "PGS.TS.Nguyễn Văn A; TP.HCM; iPhone; McDonald; NGHIÊNG",
        "Sở Văn hóa, Thể thao và Du lịch",
    ],
)
def test_typed_text_is_left_alone(text):
    assert unglue(text) == text


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("Ủy ban Mặt trận tỉnh vàcác tổ chức", "Ủy ban Mặt trận tỉnh và các tổ chức"),
        ("khen thưởng họcsinh giỏi", "khen thưởng học sinh giỏi"),
        ("thanh toán tiềnmặt", "thanh toán tiền mặt"),
        # a pair that opens a sentence or a name, its first word capitalised
        ("Căncứ chức năng được giao", "Căn cứ chức năng được giao"),
        ("Đàiphát thanh huyện", "Đài phát thanh huyện"),
    ],
)
def test_two_short_words_glued_by_ocr_are_set_apart(glued, spaced):
    assert unglue_pairs(glued) == spaced


@pytest.mark.parametrize(
    "text",
    [
        "tỉnh Đắk Lắk, huyện Krông Nô, dân tộc Xtiêng",  # capitalised names: no glued pair
        "email, Zalo, online",  # no marked letter: a foreign word as likely
        "nărn 2026",  # damaged in another way: no reading as two syllables
        "giữ gìn bản sắc",
    ],
)
def test_words_that_are_no_pair_are_left_alone(text):
    assert unglue_pairs(text) == text


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("KẾHOẠCH", "KẾ HOẠCH"),
        ("Bộ Văn hóa, Thể thao vàDu lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
    ],
)
def test_two_words_glued_in_capitals_or_at_a_capital_are_set_apart(glued, spaced):
    assert unglue_capital_pairs(glued) == spaced
    assert unglue_pairs(glued) == spaced


@pytest.mark.parametrize("text", ["UBND tỉnh, HĐND xã", "UBNDtỉnh", "KẾ HOẠCH", "iPhone, eKYC"])
def test_capitals_that_are_no_glued_pair_are_left_alone(text):
    assert unglue_capital_pairs(text) == text


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        # OCR lost the space after a semicolon, a per cent sign or a full stop
        ("văn hóa của tỉnh;đón30triệu lượt khách", "văn hóa của tỉnh; đón 30 triệu lượt khách"),
        ("Trên95%hộgiađình", "Trên 95% hộ gia đình"),
        ("trong kỷ nguyênmới.Các ngành", "trong kỷ nguyên mới. Các ngành"),
    ],
)
def test_a_space_lost_after_punctuation_is_put_back(glued, spaced):
    assert unglue(glued) == spaced


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("trong thời kỳ mới.Các ngành", "trong thời kỳ mới. Các ngành"),
        ("trong thời kỳmới.Các ngành", "trong thời kỳ mới. Các ngành"),
        ("TP.Hạ Long; quangninh.gov.vn; ThS.Lê Văn An", None),  # abbreviations, an address
    ],
)
def test_two_sentences_glued_at_a_full_stop_in_ocr_text(text, spaced):
    assert unglue_pairs(text) == (spaced or text)


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        # a syllable OCR damaged (`quóc`, `nghiêp`, `thuât`, `chât`: no syllable as read, but
        # a known one's letters) stands apart, as read, for OCR repair to put right
        ("hợptácquóctếvềvănhóa", "hợp tác quóc tế về văn hóa"),
        ("pháttriểncôngnghiêpvănhóa", "phát triển công nghiêp văn hóa"),
        ("nghệthuâtquầnchúng", "nghệ thuât quần chúng"),
        ("Nângcaochâtlượngcácchươngtrình", "Nâng cao chât lượng các chương trình"),
        # a run glued to a number: two known syllables
        ("ítnhất02nhàvăn", "ít nhất 02 nhà văn"),
        # runs of well-formed syllables read as `unglue` reads them
        ("thựchiệnnghịquyết", "thực hiện nghị quyết"),
    ],
)
def test_glued_runs_with_damaged_syllables_are_set_apart_in_ocr_text(glued, spaced):
    assert unglue_damaged(glued) == spaced


@pytest.mark.parametrize(
    "text",
    [
        "Facebook, YouTube, TikTok, VNeID, UBND, VHTTDL, HĐND-UBND, Blockchain, UBMTTQVN",
        "UBNDtỉnh; Sở VHTTDL; 2026-2030; KH-UBND(b/c)",
        "Sở Văn hóa, Thể thao và Du lịch",
    ],
)
def test_no_damaged_syllable_is_guessed_where_none_is(text):
    assert unglue_damaged(text) == text


def test_typed_text_is_not_cut_at_damaged_syllables():
    """`unglue` (every document) guesses no damaged syllable: a typed run that no reading in
    well-formed syllables has stays whole."""
    assert unglue("hợptácquóctếvềvănhóa") == "hợptácquóctếvềvănhóa"


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("đạtdanhhiệu“Làngvănhóa”trongnăm", "đạt danh hiệu “Làng văn hóa” trong năm"),
        ("cáclễhội(Lễhộiđền)tạiđịaphương", "các lễ hội (Lễ hội đền) tại địa phương"),
    ],
)
def test_a_space_lost_beside_quotes_and_brackets_is_put_back(glued, spaced):
    assert unglue(glued) == spaced
