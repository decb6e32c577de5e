"""The import review page: steps over HTMX, typed edits kept, errors in Vietnamese, the
review kept with the plan; the new-version question on the page and in the API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from webkit import SAMPLES, as_user

FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
HX = {"HX-Request": "true"}
UBND_PLAN = "001_47cec5a30aa91629"


@pytest.fixture
def officer(world):
    return as_user(world, "officer")


class Review:
    """An upload under review, driven as the page's buttons drive it."""

    def __init__(self, officer, data: bytes, name: str) -> None:
        self.officer = officer
        self.csrf = officer.csrf("/import")
        page = officer.client.post(
            "/import",
            data={"csrf_token": self.csrf},
            files={"file": (name, data, "text/plain")},
        )
        assert page.status_code == 200, page.text
        self.token = re.search(r'name="token" value="([0-9a-f]{64})"', page.text).group(1)
        self.html = page.text

    def fields(self) -> dict[str, str]:
        """The review form's text fields as the page shows them now."""
        out = {
            m.group(2): m.group(3)
            for m in re.finditer(
                r'<input type="text"( [^>]*)? name="([^"]+)"[^>]* value="([^"]*)"', self.html
            )
        }
        for m in re.finditer(r'<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', self.html):
            out[m.group(1)] = m.group(2)
        return {k: v.replace("&#34;", '"').replace("&amp;", "&") for k, v in out.items()}

    def step(self, op: str, **changes: str):
        data = {**self.fields(), **changes, "op": op, "token": self.token, "csrf_token": self.csrf}
        r = self.officer.client.post("/import/review", data=data, headers=HX)
        assert r.status_code == 200, r.text
        assert "<html" not in r.text and 'id="review"' in r.text  # the section only
        self.html = r.text
        return r

    def tasks(self) -> list[str]:
        return re.findall(r"<legend><strong>([^<]+)</strong>", self.html)

    def count(self, what: str) -> int:
        counts = re.search(r"(\d+) chỉ tiêu, (\d+) nhiệm vụ", self.html)
        return int(counts.group(1 if what == "targets" else 2))


def test_review_steps_then_confirm(world, officer):
    data = (FIXTURES / "variant_ubnd_plan.txt").read_bytes()
    review = Review(officer, data, "ke-hoach-thai-nguyen.txt")
    assert "Đây có phải là phiên bản mới" not in review.html  # nothing like it stored
    second = review.tasks()[1]
    n = review.count("tasks")
    fields = review.fields()
    # delete the first task while an edit typed in the second is kept
    review.step("delete:0", **{"task.1.text": "Nhiệm vụ đã sửa tay."})
    assert review.tasks()[0] == second and review.count("tasks") == n - 1
    assert "Nhiệm vụ đã sửa tay." in review.html
    assert "Đã thực hiện 2 thay đổi" in review.html  # the edit and the deletion
    # merge the next task into the (new) first one
    third = review.tasks()[1]
    review.step("merge:0", **{"merge_into.0": third})
    assert third not in review.tasks() and review.count("tasks") == n - 2
    # split it in two, each line a task
    review.step("split:0", **{"split.0": "Phần đầu của nhiệm vụ.\nPhần sau của nhiệm vụ."})
    assert review.tasks()[:2] == [second, f"{second}.2"]
    # add a missing task, then undo and add it again
    added = {
        "add.text": "Tổ chức liên hoan nghệ thuật quần chúng.",
        "add.lead": "Sở Văn hóa, Thể thao và Du lịch",
        "add.timeframe": "năm 2027",
    }
    review.step("add", **added)
    assert "+1" in review.tasks()
    review.step("undo")
    assert "+1" not in review.tasks()
    review.step("add", **added)
    # a task's sentence moved to the targets
    targets = review.count("targets")
    review.step("to_target:1", **{"move.1": "Phần sau của nhiệm vụ."})
    assert review.count("targets") == targets + 1 and f"{second}.2" not in review.tasks()
    # a step that does not apply says why, in Vietnamese, and changes nothing
    before = review.tasks()
    review.step("split:0", **{"split.0": "một dòng"})
    assert "Hãy đặt mỗi phần của nhiệm vụ trên một dòng riêng để tách." in review.html
    assert review.tasks() == before
    # without JavaScript the buttons post the form: the whole page comes back
    data = {**review.fields(), "op": "save", "token": review.token, "csrf_token": review.csrf}
    page = officer.client.post("/import/review", data=data)
    assert page.status_code == 200 and "<html" in page.text and "Văn bản gốc" in page.text
    assert "KẾ HOẠCH" in page.text  # the document's text beside the review
    # confirm: the plan is stored as reviewed, its review kept
    data = {**review.fields(), "token": review.token, "csrf_token": review.csrf}
    r = officer.client.post("/import/confirm", data=data)
    assert r.status_code == 303, r.text
    plan_id = int(r.headers["location"].rsplit("/", 1)[1])
    page = officer.get(f"/plans/{plan_id}?per_page=100")
    assert "Tổ chức liên hoan nghệ thuật quần chúng." in page.text
    assert fields["task.0.text"] not in page.text
    from kehoach.services.corrections import list_revisions

    with world.session() as db:
        kept = [r.field for r in list_revisions(db, "plan", plan_id)]
    assert sorted(kept) == sorted(
        ["review.edit", "review.delete", "review.merge", "review.split", "review.add",
         "review.to_target"]
    )  # fmt: skip


def test_new_version_question(world, officer):
    """The UBND plan re-sent under another name: asked; answered "a new version"."""
    data = (SAMPLES / f"{UBND_PLAN}.txt").read_bytes() + b"\n"  # another file, the same plan
    review = Review(officer, data, "ke-hoach-ubnd-ban-sua.txt")
    assert "Đây có phải là phiên bản mới của một kế hoạch đã lưu?" in review.html
    plan_id = world.plans[UBND_PLAN]
    assert f'name="version" value="{plan_id}"' in review.html
    data = {**review.fields(), "token": review.token, "csrf_token": review.csrf}
    r = officer.client.post("/import/confirm", data=data)
    assert r.status_code == 422 and "Hãy chọn: văn bản này là phiên bản mới" in r.text
    review.step("delete:0", version=str(plan_id))  # the choice survives a review step
    assert f'value="{plan_id}" checked' in review.html
    data = {
        **review.fields(),
        "version": str(plan_id),
        "token": review.token,
        "csrf_token": review.csrf,
    }
    r = officer.client.post("/import/confirm", data=data)
    assert r.status_code == 303 and r.headers["location"] == f"/plans/{plan_id}"


def test_api_import_asks_about_a_new_version(api):
    officer = api("officer")
    data = (SAMPLES / f"{UBND_PLAN}.txt").read_bytes() + b"\n\n"
    r = officer.post("/api/plans/import", files={"file": ("ban-sua.txt", data)})
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["field"] == "replace_plan_id" and "as_new=true" in body["error"]
    plan_id = int(re.search(r"replace_plan_id=(\d+)", body["error"]).group(1))
    r = officer.post(
        "/api/plans/import",
        files={"file": ("ban-sua.txt", data)},
        data={"replace_plan_id": str(plan_id)},
    )
    assert r.status_code == 201 and r.json()["outcome"] == "updated", r.text
    r = officer.post(
        "/api/plans/import", files={"file": ("khac.txt", data + b"\n")}, data={"as_new": "true"}
    )
    assert r.status_code == 201 and r.json()["outcome"] == "created"
    assert r.json()["plan_id"] != plan_id
