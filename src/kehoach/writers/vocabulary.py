"""The words generated documents use for kehoach's codes (documents speak Vietnamese only;
the web app's labels go through its catalogue instead)."""

from __future__ import annotations

STATUS_VI = {
    "not_started": "Chưa bắt đầu",
    "in_progress": "Đang thực hiện",
    "due_soon": "Sắp đến hạn",
    "overdue": "Quá hạn",
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành chậm",
    "missing_report": "Thiếu báo cáo kỳ này",
    "not_applicable": "Không áp dụng",
}
REPORT_STATUS_VI = {
    "chua_trien_khai": "chưa triển khai",
    "dang_trien_khai": "đang triển khai",
    "hoan_thanh": "hoàn thành",
    "khong_thuc_hien": "không thực hiện",
}
DOC_KIND_VI = {
    "nghi_quyet": "Nghị quyết",
    "chuong_trinh": "Chương trình",
    "ke_hoach": "Kế hoạch",
    "ket_luan": "Kết luận",
    "quyet_dinh": "Quyết định",
    "chi_thi": "Chỉ thị",
    "de_an": "Đề án",
    "bao_cao": "Báo cáo",
    "cong_van": "Công văn",
}
