"""Page images drawn here: ruling lines found, merged cells told, skew measured (no OCR)."""

from __future__ import annotations

import cv2
import numpy as np

from kehoach.intake.document import Document
from kehoach.intake.pdf import garbage_layer
from kehoach.intake.scan_image import deskew, drop_grey_stamps, prepare, skew_angle, to_grey
from kehoach.intake.scan_tables import find_tables


def _page() -> np.ndarray:
    return np.full((1400, 1000), 255, np.uint8)


def _table(page: np.ndarray) -> None:
    """Three columns, four rows; row 1 spans all columns (a group row) and the first
    column's cell spans rows 2-3."""
    xs, ys = [100, 200, 600, 900], [300, 380, 460, 540, 620]
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 3)
    for x in (xs[0], xs[-1]):
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 3)
    for x in xs[1:-1]:  # inner columns: broken over the group row
        cv2.line(page, (x, ys[0]), (x, ys[1]), 0, 3)
        cv2.line(page, (x, ys[2]), (x, ys[-1]), 0, 3)
    cv2.line(page, (xs[0], ys[3]), (xs[1], ys[3]), 255, 5)  # rows 2-3 merged in column 0
    for i, y in enumerate(ys[:-1]):
        cv2.putText(page, f"cell {i}", (xs[1] + 20, y + 50), cv2.FONT_HERSHEY_SIMPLEX, 1, 0, 2)


def test_ruling_lines_give_the_grid_and_its_merged_cells() -> None:
    page = _page()
    _table(page)
    (layout,), _ = find_tables(page)
    assert len(layout.ys) == 5 and len(layout.xs) == 4
    assert abs(layout.ys[0] - 300) <= 4 and abs(layout.xs[-1] - 900) <= 4
    cells = set(layout.cells)
    assert (1, 0, 1, 2) in cells  # the group row, one cell across
    assert (2, 0, 3, 0) in cells  # the first column's cell over two rows
    assert (0, 0, 0, 0) in cells and (3, 2, 3, 2) in cells
    assert len(cells) == 3 + 1 + 1 + 2 + 2


def test_a_framed_paragraph_or_underline_is_not_a_table() -> None:
    page = _page()
    cv2.rectangle(page, (100, 100), (900, 300), 0, 3)  # a frame: one column
    cv2.line(page, (300, 500), (700, 500), 0, 3)  # an underline
    tables, _ = find_tables(page)
    assert tables == []


def test_skew_is_measured_and_undone() -> None:
    page = _page()
    for y in range(150, 1300, 45):
        cv2.putText(
            page, "Ke hoach trien khai thuc hien", (80, y), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 0, 3
        )
    turn = cv2.getRotationMatrix2D((500, 700), 0.8, 1.0)
    tilted = cv2.warpAffine(page, turn, (1000, 1400), borderValue=255)
    assert abs(abs(skew_angle(tilted)) - 0.8) <= 0.1
    level, angle = deskew(tilted)
    assert abs(abs(angle) - 0.8) <= 0.1
    assert abs(skew_angle(level)) <= 0.1


def test_a_red_stamp_is_taken_out_and_black_text_under_it_kept() -> None:
    rgb = np.full((100, 100, 3), 255, np.uint8)
    rgb[10:20, :] = (200, 30, 40)  # stamp ink
    rgb[50:60, :] = (20, 20, 20)  # text
    rgb[70:80, :] = (60, 10, 15)  # text under the stamp: dark in every channel
    grey = to_grey(rgb)
    assert grey[15, 50] == 255
    assert grey[55, 50] < 60 and grey[75, 50] < 60


def test_the_tinted_rim_of_a_red_stamp_goes_with_it() -> None:
    # a JPEG keeps colour at a quarter of the resolution: the ring's rim is barely red
    rgb = np.full((100, 100, 3), 240, np.uint8)
    rgb[40:50, :] = (200, 30, 40)  # the ring
    rgb[38:40, :] = rgb[50:52, :] = (190, 140, 145)  # its rim
    rgb[80:82, :] = (190, 140, 145)  # a tint far from any stamp: as it is
    rgb[10:20, :] = (20, 20, 20)  # text
    grey = to_grey(rgb)
    assert grey[39, 50] == grey[51, 50] == 255
    assert grey[81, 50] < 200 and grey[15, 50] < 60


def _ruled_page(*, seal: bool) -> np.ndarray:
    """A page of dark text above a table ruled thin and grey, as a scan gives a printed
    table's rules; its second row a group row (no inner rules), and a grey seal over the
    middle column rule when `seal`."""
    page = np.full((1400, 1000), 238, np.uint8)
    for y in range(100, 260, 40):
        cv2.putText(page, "Ke hoach trien khai", (100, y), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3)
    xs, ys = [100, 200, 600, 900], [300, 380, 460, 540, 620, 700]
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 80, 1)
    for x in xs:
        if x in (xs[0], xs[-1]):
            cv2.line(page, (x, ys[0]), (x, ys[-1]), 80, 1)
            continue
        cv2.line(page, (x, ys[0]), (x, ys[1]), 80, 1)
        cv2.line(page, (x, ys[2]), (x, ys[-1]), 80, 1)
    if seal:
        cv2.circle(page, (620, 520), 130, 150, 10)
        cv2.circle(page, (620, 520), 85, 150, 5)
        cv2.circle(page, (620, 520), 25, 150, -1)
    return cv2.GaussianBlur(page, (3, 3), 0.8)


def test_a_grey_seal_over_a_table_leaves_its_rules() -> None:
    """The seal is mid-grey, and so are the thin rules under it: the rules that run on
    beyond the seal, or in line with one that does, stay for the table's grid."""
    (plain,), _ = find_tables(prepare(_ruled_page(seal=False))[0])
    sealed = prepare(_ruled_page(seal=True))[0]
    (layout,), _ = find_tables(sealed)
    assert len(layout.xs) == len(plain.xs) == 4 and len(layout.ys) == len(plain.ys) == 6
    assert layout.cells == plain.cells
    assert (1, 0, 1, 2) in layout.cells  # the group row, one cell across
    assert sealed[520, 620] == 255  # the seal's middle, away from any rule


def test_a_seal_broken_into_arcs_is_taken_out_whole() -> None:
    """Text over a ring cuts it into arcs: the small arcs go with the large one."""
    page = np.full((1400, 1000), 238, np.uint8)
    for y in range(100, 400, 40):
        cv2.putText(page, "Ke hoach trien khai", (100, y), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 20, 3)
    for start, end in ((0, 200), (215, 250), (265, 300), (315, 345)):
        cv2.ellipse(page, (500, 800), (130, 130), 0, start, end, 120, 10)
    clean = drop_grey_stamps(page)
    ring = cv2.ellipse(np.zeros_like(page), (500, 800), (130, 130), 0, 0, 360, 255, 6) > 0
    assert (clean[ring] >= 238).all()
    assert clean[100:400][page[100:400] == 20].max() == 20  # the text as it was


def _doc(lines: list[str], *, ocr: bool) -> Document:
    return Document(name="x.pdf", format="pdf", sha256="0", blocks=lines, ocr=ocr)


def test_a_garbage_text_layer_is_read_again_by_ocr() -> None:
    good = ["Ủy ban nhân dân tỉnh ban hành kế hoạch triển khai thực hiện nghị quyết"] * 5
    junk = ["Uû ban nh©n d©n tØnh ban hµnh kÕ ho¹ch triÓn khai thùc hiÖn nghÞ quyÕt"] * 5
    assert not garbage_layer(_doc(good, ocr=True))
    assert garbage_layer(_doc(junk, ocr=True))
    assert not garbage_layer(_doc(good, ocr=False))
    assert garbage_layer(_doc(["xq zv ptk rrr wvx qqq bbb"] * 10, ocr=False))
