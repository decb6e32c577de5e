"""Every row of the schema's timeframe table, plus the other wordings real plans use."""

import pytest

from kehoach.extract import extract_file
from kehoach.extract.timeframes import parse_span, parse_timeframe, phase_time

from .conftest import FIXTURES

TABLE = [
    ("Quý I/2026", "window", "2026-01-01", "2026-03-31", None),
    ("Năm 2026", "window", "2026-01-01", "2026-12-31", None),
    ("Giai đoạn 2026 - 2030", "window", "2026-01-01", "2030-12-31", None),
    ("Từ 2026 - 2030", "window", "2026-01-01", "2030-12-31", None),
    ("2028 - 2030", "window", "2028-01-01", "2030-12-31", None),
    ("Năm 2026 - 2027", "window", "2026-01-01", "2027-12-31", None),
    ("Hằng năm", "recurring", None, None, "year"),
    ("Hàng năm", "recurring", None, None, "year"),
    ("Định kỳ hằng năm, giai đoạn", "recurring", None, None, "year"),
    ("Thường xuyên", "continuous", None, None, None),
    ("Từ năm 2027", "from", "2027-01-01", None, None),
    ("Định kỳ theo yêu cầu", "on_request", None, None, None),
    ("Thường xuyên, khi có yêu cầu", "on_request", None, None, None),
    ("Hoàn thành trong tháng 8/2026", "window", "2026-08-01", "2026-08-31", None),
    ("Trong quý III năm 2026", "window", "2026-07-01", "2026-09-30", None),
    ("xong trong Quý IV/2027", "window", "2027-10-01", "2027-12-31", None),
    ("6 tháng đầu năm 2026", "window", "2026-01-01", "2026-06-30", None),
    ("trước ngày 30/9/2026", "window", "2026-01-01", "2026-09-30", None),
    ("chậm nhất là ngày 31/3/2027 …", "window", "2026-01-01", "2027-03-31", None),
    ("Hằng tháng", "recurring", None, None, "month"),
    ("Trước ngày 10 hằng tháng", "recurring", None, None, "month"),
    (
        "Ban hành kế hoạch trong tháng 3 hằng năm và tổ chức thực hiện",
        "recurring",
        None,
        None,
        "year",
    ),
    ("Trước ngày 15/01 năm sau", "recurring", None, None, "year"),
    ("Năm 2027 và các năm tiếp theo", "from", "2027-01-01", None, None),
    ("Bắt đầu từ năm 2027", "from", "2027-01-01", None, None),
    ("Theo kế hoạch của Ủy ban nhân dân tỉnh", "unknown", None, None, None),
    ("Theo hướng dẫn của Bộ", "unknown", None, None, None),
    ("Sau 06 tháng kể từ …", "unknown", None, None, None),
    ("Quý IV/2023", "window", "2023-10-01", "2023-12-31", None),
    ("Năm 2026 và các năm tiếp theo", "from", "2026-01-01", None, None),
    # a school year is one period named by two years, from its opening in September to its
    # end in May (lexicon `time.school_periods`), not the two calendar years of `Năm 2026 -
    # 2027`; a school year and those after it: from its first day
    ("Năm học 2027 - 2028 và các năm tiếp theo", "from", "2027-09-01", None, None),
    ("Năm học 2026-2027 và các năm học tiếp theo", "from", "2026-09-01", None, None),
    # from a school year on: `từ` makes it a start, dated as the school year above (not the
    # window `Từ 2026 - 2030` of two years)
    ("từ năm học 2027 - 2028", "from", "2027-09-01", None, None),
    ("Bắt đầu từ năm học 2026-2027", "from", "2026-09-01", None, None),
    ("trong năm học 2027 - 2028", "window", "2027-09-01", "2028-05-31", None),
    # its terms: the first to the end of January, the second from January
    ("Học kỳ I năm học 2026-2027", "window", "2026-09-01", "2027-01-31", None),
    ("học kì 2, năm học 2026 - 2027", "window", "2027-01-01", "2027-05-31", None),
    ("HK II năm học 2026-2027", "window", "2027-01-01", "2027-05-31", None),
    # up to a school year's end: from the document's year, as `Đến hết năm 2030`
    ("Đến hết năm học 2026 - 2027", "window", "2026-01-01", "2027-05-31", None),
    # `năm học` names no years here: each school year, or all through it
    ("Hằng năm học", "recurring", None, None, "year"),
    ("Thường xuyên trong năm học", "continuous", None, None, None),
    # two years that are no school year (not consecutive) are no period of this kind
    ("Năm học 2026 - 2028", "window", "2026-01-01", "2028-12-31", None),
    # the calendar years stay calendar years
    ("Năm 2026 - 2027", "window", "2026-01-01", "2027-12-31", None),
    ("2026 - 2027 và các năm tiếp theo", "from", "2026-01-01", None, None),
    # the work's keeping on named between the year and the years after it: still `from`
    ("Trong năm 2026 và duy trì các năm tiếp theo", "from", "2026-01-01", None, None),
    ("Năm 2027 và tiếp tục thực hiện trong các năm tiếp theo", "from", "2027-01-01", None, None),
    ("Năm 2026 và những năm tiếp theo", "from", "2026-01-01", None, None),
    ("Giai đoạn \n2026-2030", "window", "2026-01-01", "2030-12-31", None),
    ("Từ tháng 3/2026", "from", "2026-03-01", None, None),
    ("Đến hết năm 2030", "window", "2026-01-01", "2030-12-31", None),
    ("hoàn thành trước 30/6/2026", "window", "2026-01-01", "2026-06-30", None),
    ("Tháng 6 năm 2026", "window", "2026-06-01", "2026-06-30", None),
    ("Quý 2/2026", "window", "2026-04-01", "2026-06-30", None),
    ("Hằng quý", "recurring", None, None, "quarter"),
    # 2026-12 schema rows: from a quarter, one event day, a window of days
    ("Từ quý II/2026", "from", "2026-04-01", None, None),
    ("từ tháng 5/2026", "from", "2026-05-01", None, None),
    ("Ngày 10/10/2026", "window", "2026-10-10", "2026-10-10", None),
    ("Từ ngày 20/8/2026", "from", "2026-08-20", None, None),  # no end: from that day
    ("Quý I - II/2026", "window", "2026-01-01", "2026-06-30", None),
    # a list of periods, even next to each other, is several periods: the first stated decides
    # (the schema's rule; a range is written with `-` or `đến`)
    ("quý III và IV năm 2026", "window", "2026-07-01", "2026-09-30", None),
    ("Quý II và quý III/2026", "window", "2026-04-01", "2026-06-30", None),
    ("Quý III, IV/2026, 2027", "window", "2026-07-01", "2026-09-30", None),
    ("Tháng 6, 7/2026", "window", "2026-06-01", "2026-06-30", None),
    # periods apart are several periods: the first stated decides
    ("Quý I, III/2026", "window", "2026-01-01", "2026-03-31", None),
    ("tháng 6 và tháng 8 năm 2026", "window", "2026-06-01", "2026-06-30", None),
    ("2026, 2027", "window", "2026-01-01", "2026-12-31", None),
    # a month or a quarter of several years: the first year stated decides
    ("Tháng 4 các năm 2026, 2028, 2030", "window", "2026-04-01", "2026-04-30", None),
    ("Quý III các năm 2027 và 2029", "window", "2027-07-01", "2027-09-30", None),
    ("Tháng 6 - 8/2026", "window", "2026-06-01", "2026-08-31", None),
    ("Từ năm 2026 đến năm 2030", "window", "2026-01-01", "2030-12-31", None),
    ("Sáng ngày 10/10/2026", "window", "2026-10-10", "2026-10-10", None),
    ("Từ ngày 01/10 đến ngày 15/10/2026", "window", "2026-10-01", "2026-10-15", None),
    ("Từ ngày 15 - 20/10/2026", "window", "2026-10-15", "2026-10-20", None),
    ("30/6/2026", "window", "2026-01-01", "2026-06-30", None),  # a bare date is a deadline
    # a roman quarter as OCR reads it (I as 1 or l)
    ("hoàn thành trong quý 1V/2023", "window", "2023-10-01", "2023-12-31", None),
    ("Từ quý 1I/2026", "from", "2026-04-01", None, None),
    ("quý l năm 2026", "window", "2026-01-01", "2026-03-31", None),
    # a span between periods of different units: the first's start to the last's end
    ("từ tháng 8/2027 đến năm 2029", "window", "2027-08-01", "2029-12-31", None),
    ("Từ quý III/2026 đến quý I/2027", "window", "2026-07-01", "2027-03-31", None),
    ("Quý III/2026 - Quý I/2027", "window", "2026-07-01", "2027-03-31", None),
    ("từ năm 2026 đến hết tháng 5/2027", "window", "2026-01-01", "2027-05-31", None),
    ("Bắt đầu từ quý IV/2026 đến năm 2028", "window", "2026-10-01", "2028-12-31", None),
    ("từ tháng 5 đến hết tháng 11/2026", "window", "2026-05-01", "2026-11-30", None),
    # without `từ`, a bare year after a dash is no span's end: the first stated decides
    ("quý IV/2026 - 2027", "window", "2026-10-01", "2026-12-31", None),
]


@pytest.mark.parametrize(("raw", "kind", "start", "end", "every"), TABLE, ids=[t[0] for t in TABLE])
def test_timeframe_table(raw, kind, start, end, every) -> None:
    tf = parse_timeframe(raw, doc_year=2026)
    assert (tf.kind, tf.start, tf.end, tf.every) == (kind, start, end, every)


def test_no_timeframe_is_unknown_with_null_raw() -> None:
    tf = parse_timeframe(None)
    assert (tf.raw, tf.kind) == (None, "unknown")


def test_raw_is_kept_as_printed() -> None:
    assert parse_timeframe("Quý  I/2026 ").raw == "Quý I/2026"


def test_impossible_date_is_not_a_deadline() -> None:
    assert parse_timeframe("trước ngày 31/2/2026", 2026).kind == "unknown"


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [("Tháng 9", "2026-09-01", "2026-09-30"), ("Trong quý III", "2026-07-01", "2026-09-30")],
)
def test_a_month_or_quarter_without_a_year_is_the_documents(raw, start, end) -> None:
    tf = parse_timeframe(raw, 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", start, end)
    assert parse_timeframe(raw, None).kind == "unknown"  # no year to place it in


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("hoàn thành trước ngày 30/6", "2026-01-01", "2026-06-30"),  # a deadline
        ("chậm nhất ngày 15/9", "2026-01-01", "2026-09-15"),
        ("ngày 19/4", "2026-04-19", "2026-04-19"),  # one event day
        # a window of days with no year (a quarter's work calendar)
        ("Từ ngày 11/6 đến ngày 13/6", "2026-06-11", "2026-06-13"),
        ("ngày 30/4 - 01/5", "2026-04-30", "2026-05-01"),
    ],
)
def test_a_day_without_a_year_is_the_documents(raw, start, end) -> None:
    tf = parse_timeframe(raw, 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", start, end)
    assert parse_timeframe(raw, None).kind == "unknown"  # no year to place it in
    # a day of every month or of next year stays recurring
    assert parse_timeframe("trước ngày 15/01 năm sau", 2026).every == "year"


def test_a_month_cell_without_the_word_thang() -> None:
    tf = parse_timeframe("07/2026")
    assert (tf.kind, tf.start, tf.end) == ("window", "2026-07-01", "2026-07-31")
    assert parse_timeframe("13/2026").kind == "unknown"


@pytest.mark.parametrize(
    ("start", "end", "kind", "first", "last", "every"),
    [
        ("Quý IV/2026", "Quý I/2028", "window", "2026-10-01", "2028-03-31", None),
        ("2027", "2028", "window", "2027-01-01", "2028-12-31", None),
        ("02/2026", "11/2026", "window", "2026-02-01", "2026-11-30", None),
        ("Tháng 5/2026", "Thường xuyên", "from", "2026-05-01", None, None),
        ("Quý II/2026", "Hằng năm", "recurring", None, None, "year"),
        ("Thường xuyên", "Thường xuyên", "continuous", None, None, None),
        ("Quý III/2026", "15/12/2026", "window", "2026-07-01", "2026-12-15", None),
        ("Quý I/2026", "", "window", "2026-01-01", "2026-03-31", None),
    ],
)
def test_start_and_end_cells_read_as_one_span(start, end, kind, first, last, every) -> None:
    tf = parse_span(start, end, 2026)
    assert (tf.kind, tf.start, tf.end, tf.every) == (kind, first, last, every)
    assert tf.raw == (f"{start} - {end}" if end else start)


def test_the_date_of_the_occasion_an_event_marks_is_that_day() -> None:
    """`nhân kỷ niệm Ngày X 24/11/2026`: the occasion's date is one day, not a deadline; a bare
    date after other words still is one (`hoàn thành 30/9/2026`)."""
    tf = parse_timeframe("nhân dịp Ngày Sách và Văn hóa đọc Việt Nam 21/4/2026", 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", "2026-04-21", "2026-04-21")
    tf = parse_timeframe("hoàn thành 30/9/2026", 2026)
    assert (tf.kind, tf.start, tf.end) == ("window", "2026-01-01", "2026-09-30")


@pytest.mark.parametrize(
    ("raw", "kind", "start", "end"),
    [
        # days of one month without `ngày` after `từ`, or alone in a time cell
        ("Từ 03-07/11/2026", "window", "2026-11-03", "2026-11-07"),
        ("từ 12 - 14/10/2026", "window", "2026-10-12", "2026-10-14"),
        ("25-28/9/2026", "window", "2026-09-25", "2026-09-28"),
        ("từ 30/9 đến 02/10/2026", "window", "2026-09-30", "2026-10-02"),
        # a part of the day or a clock time before a date: that one day
        ("Chiều 14/11/2026", "window", "2026-11-14", "2026-11-14"),
        ("tối 02/9/2026", "window", "2026-09-02", "2026-09-02"),
        ("Đêm 31/12/2026 (đêm Giao thừa)", "window", "2026-12-31", "2026-12-31"),
        ("08h00, 05/12/2026", "window", "2026-12-05", "2026-12-05"),
        # `tới` (until) folds like `tối` (evening): still a deadline
        ("tới 02/9/2026", "window", "2026-01-01", "2026-09-02"),
        ("trước sáng 14/11/2026", "window", "2026-01-01", "2026-11-14"),
        # `từ` and a date, with or without `ngày`: from that day
        ("Từ 15/10/2026", "from", "2026-10-15", None),
        ("bắt đầu từ 03/11/2026", "from", "2026-11-03", None),
    ],
)
def test_an_event_plans_day_spellings(raw, kind, start, end) -> None:
    tf = parse_timeframe(raw, 2026)
    assert (tf.kind, tf.start, tf.end) == (kind, start, end)


def test_an_event_plans_task_table_times() -> None:
    r = extract_file(FIXTURES / "variant_event_week_contacts.md")
    got = [(t.timeframe.kind, t.timeframe.start, t.timeframe.end) for t in r.tasks]
    assert got == [
        ("window", "2026-01-01", "2026-10-05"),  # Trước 05/10/2026
        ("from", "2026-10-01", None),  # Từ 01/10/2026
        ("window", "2026-11-08", "2026-11-11"),  # Từ 08-11/11/2026
        ("window", "2026-11-12", "2026-11-12"),  # 19h30 ngày 12/11/2026
        ("window", "2026-11-13", "2026-11-14"),  # Ngày 13 - 14/11/2026
        ("window", "2026-11-14", "2026-11-14"),  # Sáng 14/11/2026
        ("window", "2026-11-11", "2026-11-15"),  # Từ 11-15/11/2026
        ("window", "2026-11-15", "2026-11-15"),  # Tối 15/11/2026
        ("window", "2026-01-01", "2026-11-30"),  # Trước 30/11/2026
    ]


@pytest.mark.parametrize(
    ("title", "wording"),
    [
        (
            "Giai đoạn 1 (từ tháng 5 đến tháng 8/2026): Điều tra, khảo sát",
            "từ tháng 5 đến tháng 8/2026",
        ),
        ("Giai đoạn II (6 tháng cuối năm 2026): Số hóa", "6 tháng cuối năm 2026"),
        ("Bước 2: Quý III/2026 - Tổng hợp kết quả", "Quý III/2026"),
        ("Bước 3: 2027 - 2028: Nhân rộng mô hình", "2027 - 2028"),
        ("Đợt thứ 2 (tháng 10/2026)", "tháng 10/2026"),
        ("Giai đoạn 1 từ tháng 7/2026 đến năm 2027: Thí điểm", "từ tháng 7/2026 đến năm 2027"),
        ("Giai đoạn chuẩn bị (quý I/2027)", "quý I/2027"),
        # the words after the colon are the phase's subject, not its time
        ("Giai đoạn 2: Xây dựng cơ sở dữ liệu", None),
        # a span of years names no phase; `bước đầu` is no numbered step
        ("Giai đoạn 2026 - 2030", None),
        ("Bước đầu triển khai thí điểm", None),
        # brackets that state no time
        ("Đợt 1 (các xã vùng cao): Truyền dạy", None),
    ],
)
def test_the_time_a_phase_heading_states(title: str, wording: str | None) -> None:
    assert phase_time(title) == wording


def test_a_school_plans_terms_are_its_school_years_periods() -> None:
    """A department of education's task table timed in school terms (`Học kỳ I năm học
    2026-2027`, `Năm học … và các năm học tiếp theo`, `Hằng năm học`) beside a calendar span
    (`Năm 2026 - 2027`): each term is its own months, the calendar span stays two years."""
    record = extract_file(FIXTURES / "variant_school_terms.txt")
    got = [(t.timeframe.kind, t.timeframe.start, t.timeframe.end) for t in record.tasks]
    assert got == [
        ("window", "2026-09-01", "2027-01-31"),
        ("window", "2027-01-01", "2027-05-31"),
        ("from", "2026-09-01", None),
        ("window", "2026-09-01", "2027-05-31"),
        ("window", "2026-01-01", "2027-12-31"),
        ("recurring", None, None),
    ]
    # the objectives of the school year aim at the year it ends
    assert [t.horizon for t in record.targets] == [2027, 2030]


@pytest.mark.parametrize(
    ("raw", "kind", "start"),
    [
        # a standing time in a clause of its own, stated before the date: it decides
        ("Thường xuyên; hồ sơ công nhận hoàn thành năm 2027", "continuous", None),
        ("Thường xuyên, trọng tâm quý II/2026", "continuous", None),
        # a date in the same clause says when the standing work begins
        ("Thường xuyên từ năm 2027", "from", "2027-01-01"),
        # a date stated first decides
        ("Quý II/2026; sau đó thường xuyên", "window", "2026-04-01"),
    ],
)
def test_a_standing_time_stated_before_a_date(raw, kind, start) -> None:
    tf = parse_timeframe(raw, doc_year=2026)
    assert (tf.kind, tf.start) == (kind, start)
