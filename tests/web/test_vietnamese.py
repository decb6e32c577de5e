"""No English reaches a Vietnamese page: every page, as every role, error pages and forms sent
with bad input, read for English words; and the finished edges (dates, names, form errors)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from webkit import World, as_user

CTR_14 = "000_c6c358976faa1d91"
UBND_PLAN = "001_47cec5a30aa91629"

# words of the interface that would mean an untranslated message (Vietnamese never writes them)
ENGLISH = set(
    """the is are not with must be please page found error file plan task report status agency
    choose enter value this that there does exist invalid required should field date number
    whole missing internal occurred logged allowed conflict something went wrong check what you
    your entered only can cannot from which period deadline reason percent done after before
    original upload document unsupported type empty content characters least most input valid
    integer request method submit save password username role account user log login""".split()  # noqa: SIM905
)
# what the pages show that is data, not interface (the accounts' own names)
DATA = {"admin", "officer", "reporter", "viewer", "other", "kehoach", "api"}
SKIP_TAGS = {"script", "style"}
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class _Text(HTMLParser):
    """The words a person reads on a page: text nodes and the attributes that are shown."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self._skip += 1
        self.parts += [v for k, v in attrs if k in SHOWN_ATTRIBUTES and v]

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_words(html: str) -> list[str]:
    """The interface words of `html` that are English."""
    parser = _Text()
    parser.feed(html)
    text = re.sub(r"\w+…", "", " ".join(parser.parts))  # a word cut short is data
    words = re.findall(r"[A-Za-z]+", text)
    return sorted({w for w in words if w.lower() in ENGLISH and w.lower() not in DATA})


def assert_vietnamese(response, what: str) -> None:
    assert response.headers.get("content-type", "").startswith("text/html"), what
    found = english_words(response.text)
    assert not found, f"{what} ({response.status_code}) shows English: {found}"


def _pattern(path: str) -> str:
    return re.sub(r"=[^&]*", "", re.sub(r"\d+", "N", path))


def crawl(browser, start: str = "/", limit: int = 40) -> dict[str, object]:
    """Pages reachable by links from `start`, one per kind of address (`/tasks/N`)."""
    seen: dict[str, object] = {}
    patterns: set[str] = set()
    todo = [start]
    while todo and len(seen) < limit:
        path = todo.pop(0)
        if path in seen or _pattern(path) in patterns:
            continue
        response = browser.get(path)
        if response.status_code in (301, 302, 303, 307):
            todo.append(response.headers["location"])
            continue
        seen[path] = response
        patterns.add(_pattern(path))
        for href in re.findall(r'href="(/[^"#]*)"', response.text):
            href = href.replace("&amp;", "&")
            if href.startswith(("/static", "/api", "/attachments", "/logout")):
                continue
            if _pattern(href) not in patterns and href not in todo:
                todo.append(href)
    return seen


@pytest.mark.parametrize("role", [None, "admin", "officer", "reporter", "other", "viewer"])
def test_every_page_is_vietnamese_for_every_role(world: World, role):
    from webkit import Browser

    browser = as_user(world, role) if role else Browser(world.app)
    pages = crawl(browser)
    assert len(pages) >= (2 if role is None else 4), list(pages)
    for path, response in pages.items():
        assert_vietnamese(response, f"{role or 'visitor'} {path}")


ERROR_PAGES = [
    "/tasks/999999",
    "/plans/999999",
    "/plans/abc",
    "/no-such-page",
    "/dashboard?on=2026-13-01",
    "/dashboard?on=1800-01-01",
    "/plans/1?status=nonsense",
    "/plans/1?sort=nonsense&page=x",
    "/attachments/999999",
    "/my-unit",
    "/emulation?period=2026-13",
    "/emulation/evidence?plan=1&agency=999999",
]


@pytest.mark.parametrize("path", ERROR_PAGES)
def test_error_pages_are_vietnamese(world: World, path):
    officer = as_user(world, "officer")
    response = officer.get(path)
    assert_vietnamese(response, path)


def test_forms_sent_with_bad_input_answer_in_vietnamese(world: World):
    officer = as_user(world, "officer")
    task = world.lead_tasks("Sở Văn hóa, Thể thao và Du lịch", deadline=True)[0]
    plan = world.plans[CTR_14]
    sent = {
        "report 40% done": officer.post(
            f"/tasks/{task}/reports", {"status": "hoan_thanh", "percent": "40"}
        ),
        "report 140%": officer.post(
            f"/tasks/{task}/reports", {"status": "dang_trien_khai", "percent": "140"}
        ),
        "report period": officer.post(
            f"/tasks/{task}/reports", {"status": "dang_trien_khai", "period": "1999-H1"}
        ),
        "extension before": officer.post(
            f"/tasks/{task}/extend", {"new_end": "2000-01-01", "reason": "x"}
        ),
        "extension no date": officer.post(f"/tasks/{task}/extend", {"new_end": "", "reason": ""}),
        "override no reason": officer.post(
            f"/tasks/{task}/override", {"status": "overdue", "reason": ""}
        ),
        "correction empty": officer.post(f"/tasks/{task}/correct", {"field": "text", "value": ""}),
        "document date": officer.post(
            f"/plans/{plan}/correct",
            {"entity": "document", "entity_id": "999999", "field": "date", "value": "x"},
        ),
        "import rtf": officer.client.post(
            "/import",
            data={"csrf_token": officer.csrf("/import")},
            files={"file": ("notes.rtf", b"{\\rtf1 hello}", "application/rtf")},
        ),
        "import empty": officer.client.post(
            "/import",
            data={"csrf_token": officer.csrf("/import")},
            files={"file": ("empty.txt", b"  ", "text/plain")},
        ),
    }
    sent["emulation weights"] = officer.post(
        "/emulation/rule",
        {"plan": plan, "period": "2026", "weight_tasks_on_time": "-5",
         "weight_reports_on_time": "30", "weight_targets_attained": "20",
         "weight_evidence_attached": "10"},
    )  # fmt: skip
    sent["emulation points"] = officer.post(
        "/emulation/adjustments", {"plan": plan, "period": "2026", "points": "0", "reason": ""}
    )
    admin = as_user(world, "admin")
    sent["user short password"] = admin.post(
        "/users", {"username": "x1", "password": "short", "role": "viewer"}
    )
    sent["user taken"] = admin.post(
        "/users", {"username": "officer", "password": "long-enough-1", "role": "viewer"}
    )
    for what, response in sent.items():
        assert response.status_code >= 400, what
        assert_vietnamese(response, what)


def test_completed_at_40_percent_is_refused_next_to_the_percent(world: World):
    officer = as_user(world, "officer")
    task = world.lead_tasks("Sở Văn hóa, Thể thao và Du lịch")[1]
    page = officer.post(f"/tasks/{task}/reports", {"status": "hoan_thanh", "percent": "40"})
    assert page.status_code == 422
    assert 'id="percent" aria-invalid="true" aria-describedby="percent-error"' in page.text
    assert "tình trạng là «Hoàn thành» nhưng tỷ lệ hoàn thành là 40%" in page.text
    # the summary at the top names the field and links to its message
    assert '<a href="#percent-error">Tỷ lệ hoàn thành (%)</a>' in page.text
    assert "/static/kehoach.js" in page.text  # focuses and scrolls to the field


def test_dates_are_written_one_way(world: World):
    officer = as_user(world, "officer")
    plan = officer.get(f"/plans/{world.plans[UBND_PLAN]}").text
    assert "hạn 20/06 hằng năm" in plan and "hạn 30/11 hằng năm" in plan
    shown = _Text()
    shown.feed(plan)
    text = " ".join(shown.parts)  # what a person reads (a date input's value stays ISO)
    assert not re.search(r"hạn \d{2}-\d{2}\b", text)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)


def test_a_plan_is_named_by_kind_number_and_title(world: World):
    officer = as_user(world, "officer")
    page = officer.get(f"/plans/{world.plans[CTR_14]}").text
    assert "<h1>Chương trình hành động 14-CTr/TU</h1>" in page
    assert "<title>Chương trình hành động 14-CTr/TU · kehoach</title>" in page
    # the breadcrumb leads back to the list, without saying the page's name again
    crumbs = page[page.index('class="crumbs"') :].split("</nav>")[0]
    assert "14-CTr/TU" not in crumbs
    task = world.lead_tasks("Sở Văn hóa, Thể thao và Du lịch")[0]
    task_page = officer.get(f"/tasks/{task}").text
    crumbs = task_page[task_page.index('class="crumbs"') :].split("</nav>")[0]
    assert "Kế hoạch" in crumbs and ".txt" not in task_page.split("<footer")[0]
    assert crumbs.count("Nhiệm vụ") == 0


def test_correction_form_starts_from_the_current_value_and_history_reads_well(world: World):
    officer = as_user(world, "officer")
    task = world.lead_tasks("Sở Văn hóa, Thể thao và Du lịch")[2]
    page = officer.get(f"/tasks/{task}").text
    text = re.search(r'data-current="([^"]*)" selected>', page).group(1)
    assert text and f'name="value">{text}</textarea>' in page
    r = officer.post(
        f"/tasks/{task}/correct", {"field": "lead", "value": "Sở Tài chính; Sở Nội vụ"}
    )
    assert r.status_code == 303
    page = officer.get(f"/tasks/{task}").text
    history = page[page.index("<h2>Lịch sử sửa</h2>") :] if "Lịch sử sửa" in page else page
    assert "<strong>Cơ quan chủ trì</strong>" in history
    assert "<li>Sở Tài chính</li><li>Sở Nội vụ</li>" in history
    assert '["' not in history


def test_month_only_and_yearly_dates():
    from kehoach.web.i18n import vdate, vdue

    assert vdate("2026-03") == "03/2026"
    assert vdue("06-20") == "hạn 20/06 hằng năm"
    assert vdue("2026-12-31") == "hạn 31/12/2026"
    assert vdue(None) == ""


def test_requests_are_logged_one_line_each(world: World, caplog):
    from fastapi.testclient import TestClient

    client = TestClient(world.app)
    with caplog.at_level("INFO", logger="kehoach.access"):
        client.get("/plans")
        client.get("/no-such-page")
    lines = [r.getMessage() for r in caplog.records if r.name == "kehoach.access"]
    assert len(lines) == 2
    assert re.fullmatch(r'\S+ "GET /plans" 200 \d+\.\d ms', lines[0])
    assert '"GET /no-such-page" 404' in lines[1]


def test_api_errors_are_english_unless_vietnamese_is_asked_for(world: World, api):
    client = api("officer")
    english = client.get("/api/tasks/999999")
    assert english.status_code == 404
    assert english.json() == {"error": "no task with id 999999", "field": None}
    vietnamese = client.get("/api/tasks/999999", headers={"Accept-Language": "vi-VN,vi;q=0.9"})
    assert vietnamese.json()["error"] == "không có nhiệm vụ mã 999999"
    bad = client.get("/api/tasks?page=x", headers={"Accept-Language": "vi"})
    assert bad.status_code == 422 and bad.json() == {
        "error": "hãy nhập một số nguyên",
        "field": "page",
    }


def test_login_and_expired_forms_answer_in_vietnamese(world: World):
    from webkit import Browser

    visitor = Browser(world.app)
    assert_vietnamese(visitor.login("officer", "wrong-password"), "wrong password")
    officer = as_user(world, "officer")
    task = world.lead_tasks("Sở Văn hóa, Thể thao và Du lịch")[0]
    assert_vietnamese(officer.post(f"/tasks/{task}/extend", {}, csrf="forged"), "no CSRF")
