"""OCR'd text that lost its spaces, some syllables of the glued runs damaged as well
(`hợptácquóctế`, `côngnghiêpvănhóa`, `02nhàvăn`): tasks and targets read spaced and
repaired, as if OCR had kept the spaces."""

from kehoach.extract import extract_file

from .conftest import FIXTURES


def test_glued_runs_with_damaged_syllables_read_spaced_and_repaired() -> None:
    r = extract_file(FIXTURES / "variant_ocr_glued_damaged.txt")
    texts = {t.id: t.text for t in r.tasks}
    assert texts["II.1.1"].startswith("Xây dựng đề án phát triển công nghiệp văn hóa gắn với")
    assert texts["II.1.2"].startswith("Tổ chức liên hoan nghệ thuật quần chúng và hội thi")
    assert texts["II.1.3"].startswith("Nâng cao chất lượng các chương trình biểu diễn")
    assert texts["II.2.1"].startswith("Đẩy mạnh hợp tác quốc tế về văn hóa với")
    assert "ít nhất 02 nhà văn hóa đạt chuẩn" in texts["II.3.1"]
    assert r.targets[0].text.startswith("Phấn đấu doanh thu từ các ngành công nghiệp văn hóa")
    assert r.targets[1].text.startswith("Hình thành ít nhất 03 trung tâm sáng tạo")
    # no glued run is left in any task or target
    words = [w for t in [*r.tasks, *r.targets] for w in t.text.split()]
    assert not [w for w in words if len(w.strip(".,;:()")) > 8 and not w[0].isdigit()]
