"""One problem type for every finding, from a bad byte to a dangling reference (yamllint-style)."""

from __future__ import annotations

import errno
from typing import Literal

from .values import Record, record

Severity = Literal["error", "warning"]

# Every code hnqt reports, and what it means. Codes are stable: CI scripts and editors key on
# them. A problem with a code missing here is a bug in hnqt (Problem refuses to exist).
CODES: dict[str, str] = {
    # reading a file
    "file-too-large": "tệp vượt quá giới hạn kích thước",
    "unreadable": "không đọc được tệp",
    "bad-encoding": "tệp không phải UTF-8 (ví dụ UTF-16 do Word lưu)",
    "bom": "tệp UTF-8 có BOM ở đầu (cảnh báo)",
    "tab": "tệp có ký tự tab",
    "yaml-directive": "có chỉ thị %YAML / %TAG",
    "too-deep": "lồng quá sâu",
    "yaml-syntax": "lỗi cú pháp YAML",
    "multiple-documents": "nhiều tài liệu YAML trong một tệp",
    "empty-file": "tệp rỗng",
    "yaml-anchor": "dùng neo YAML (&)",
    "yaml-alias": "dùng bí danh YAML (*)",
    "yaml-merge": "dùng khóa gộp YAML (<<)",
    "yaml-tag": "dùng thẻ YAML (!, !!)",
    "bad-key": "tên trường không phải chuỗi đơn giản",
    "invisible-char": "ký tự vô hình (dấu cách độ rộng 0, NBSP…)",
    "too-many-problems": "tệp có quá nhiều lỗi; chỉ hiện 50 lỗi đầu",
    "duplicate-key": "một trường viết hai lần",
    # one record
    "not-a-mapping": "tệp không phải một bảng các trường",
    "unknown-field": "trường không có trong mẫu",
    "missing-field": "thiếu trường bắt buộc",
    "wrong-type": "giá trị sai kiểu",
    "bad-value": "giá trị không hợp lệ",
    "bad-date": "ngày không hợp lệ",
    "bad-deadline": "không hiểu thời hạn",
    "id-mismatch": "mã không khớp tên tệp",
    # the registry as a whole
    "unexpected-file": "tệp không thuộc loại nào của sổ đăng ký",
    "symlink": "thư mục liên kết",
    "symlink-outside": "liên kết trỏ ra ngoài sổ đăng ký",
    "symlink-loop": "liên kết vòng",
    "dangling-link": "liên kết trỏ tới tệp không có",
    "not-a-file": "không phải tệp thường (FIFO, thiết bị, socket)",
    "cache-blocked": "chỗ của thư mục bộ nhớ đệm .hnqt-cache bị chiếm",
    "missing-file": "thiếu tệp bắt buộc",
    "duplicate-id": "mã hoặc số lặp lại",
    "unknown-unit": "tên đơn vị không có trong danh mục",
    "ambiguous-unit": "tên ứng với nhiều đơn vị",
    "unknown-parent": "đơn vị cấp trên không có",
    "unknown-partner": "đối tác không có",
    "unknown-agreement": "thỏa thuận không có",
    "unknown-plan": "kế hoạch không có",
    "not-reporting-unit": "báo cáo của đơn vị mà kế hoạch không yêu cầu báo cáo",
    "unknown-section": "mục của kế hoạch không có",
    "bad-term": "thời hạn thỏa thuận kết thúc trước khi bắt đầu",
    "bad-addressee": "nơi nhận không chỉ đơn vị cụ thể nào",
    "no-addressees": "nhóm “các đơn vị văn bản gửi tới” mà văn bản chưa ghi nơi nhận",
    "progress-without-unit": "tiến độ của nhiệm vụ nhiều đơn vị chủ trì không ghi đơn vị",
    "bad-issue-window": "khoảng ngày ban hành (issued) rỗng",
    # report templates (`hnqt report`)
    "template-syntax": "lỗi cú pháp trong mẫu báo cáo",
    "template-undefined": "mẫu báo cáo dùng tên không có",
    "template-unsafe": "mẫu báo cáo truy cập bên trong Python",
    "template-error": "mẫu báo cáo không dựng được",
    # a table read by `hnqt import` (Word, Excel)
    "missing-column": "bảng nhiệm vụ thiếu cột bắt buộc",
    "missing-value": "ô bắt buộc để trống",
    "bad-cell": "ô không đọc được (công thức, ô gộp ngang qua các cột)",
    "bad-row": "dòng không phải nhiệm vụ hay mục (cảnh báo)",
    "ignored-cell": "ô của cột do hnqt tính, không được đọc lại (cảnh báo)",
    # warnings
    "no-deadline": "nhiệm vụ chưa có thời hạn",
    "no-lead-unit": "không có đơn vị chủ trì cụ thể",
    "duplicate-title": "hai nhiệm vụ trùng tên",
    "year-outside-plan": "năm báo cáo ngoài thời kỳ kế hoạch",
    "non-canonical-unit": "đơn vị do người dùng ghi chưa theo tên chuẩn (hnqt fmt sửa được)",
    "progress-by-not-lead": "mục hoàn thành của đơn vị không chủ trì nhiệm vụ nhiều chủ trì",
    "partly-merged-unit": "tên cũ của đơn vị đã tách chức năng (sắp xếp 2025): chỉ một phần",
}


@record
class Problem(Record):
    """A finding at a position in a file. Sorts by file, line, column, code."""

    file: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered problem code {self.code!r}")

    def __lt__(self, other: Problem) -> bool:
        return (self.file, self.line, self.column, self.code) < (
            other.file, other.line, other.column, other.code
        )  # fmt: skip

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }
        if self.hint:
            data["hint"] = self.hint
        return data


MAX_SHOWN_PER_FILE = 50


def cap_per_file(problems: list[Problem], limit: int = MAX_SHOWN_PER_FILE) -> list[Problem]:
    """At most `limit` problems of any one file (the first, by position), then one that says
    how many more there are: a broken file must not bury every other file's problems."""
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    if all(len(found) <= limit for found in by_file.values()):
        return problems
    capped: list[Problem] = []
    for file, found in by_file.items():
        if len(found) <= limit:
            capped += found
            continue
        found.sort()
        rest = found[limit:]
        severity: Severity = "error" if any(p.is_error for p in rest) else "warning"
        capped += found[:limit]
        capped.append(Problem(file, rest[0].line, rest[0].column, "too-many-problems",
                              f"và {len(rest)} lỗi khác trong tệp này (chỉ hiện {limit} lỗi đầu)",
                              "sửa các lỗi trên rồi chạy lại hnqt validate", severity))  # fmt: skip
    return capped


# What the operating system says, in Vietnamese (its own words are English: "Permission denied").
_OS_REASONS = {
    errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép",
    errno.ENOENT: "không tồn tại",
    errno.ELOOP: "liên kết vòng",
    errno.ENOTDIR: "không phải thư mục",
    errno.EISDIR: "là thư mục",
    errno.ENOSPC: "thiết bị đã hết chỗ trống",
    errno.EDQUOT: "vượt hạn mức dung lượng",
    errno.EBADF: "đầu ra đã bị đóng",
    errno.EIO: "lỗi vào/ra của thiết bị",
    errno.EFBIG: "tệp vượt quá kích thước cho phép",
    errno.EROFS: "hệ thống tệp chỉ đọc",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
}


def os_reason(error: OSError) -> str:
    """Why an operation on a file failed, in Vietnamese."""
    return _OS_REASONS.get(error.errno or 0, f"lỗi hệ thống số {error.errno}")


class RegistryError(Exception):
    """A command cannot answer because the registry is broken where the answer lies (exit 1):
    `--so` when departments.yaml cannot be read, `show` of a record whose file has errors."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(Exception):
    """The command was used wrongly (exit 2): a bad option value, no registry, unknown unit."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
