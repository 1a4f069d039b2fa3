"""The Vietnamese words for the codes records carry (unit kinds, activity states, countries):
people read the word; the code stays in JSON and in its own CSV column."""

from __future__ import annotations

UNIT_KINDS = {
    "city": "thành phố", "so": "sở", "ban": "ban", "agency": "cơ quan", "institute": "viện, trường",
    "press": "báo chí", "party": "cơ quan Đảng", "mass-org": "đoàn thể", "bank": "ngân hàng",
    "armed": "lực lượng vũ trang", "branch": "chi nhánh", "ministry": "bộ, ngành trung ương",
    "central": "trung ương",
    "division": "phòng, đơn vị trực thuộc", "other": "khác",
}  # fmt: skip
ACTIVITY_KINDS = {"visit": "chuyến thăm", "event": "sự kiện", "proposal": "đề xuất",
                  "invitation": "lời mời", "meeting": "hội đàm", "signing": "ký kết"}  # fmt: skip
ACTIVITY_STATES = {"proposed": "đề xuất", "agreed": "đã thống nhất", "planned": "dự kiến",
                   "done": "đã diễn ra"}  # fmt: skip
PLAN_KINDS = {"plan": "kế hoạch", "directive": "văn bản chỉ đạo"}
ITEM_KINDS = {"task": "nhiệm vụ", "report": "báo cáo", "agreement": "thỏa thuận"}
# ISO 3166-1 codes of the countries partners are in (or likely to be); others show the code.
COUNTRIES = {
    "BY": "Belarus", "RU": "Liên bang Nga", "CN": "Trung Quốc", "JP": "Nhật Bản",
    "KR": "Hàn Quốc", "LA": "Lào", "KH": "Campuchia", "TH": "Thái Lan", "SG": "Singapore",
    "FR": "Pháp", "DE": "Đức", "GB": "Vương quốc Anh", "US": "Hoa Kỳ", "CZ": "Séc",
    "HU": "Hungary", "PL": "Ba Lan", "IT": "Italia", "AU": "Úc", "IN": "Ấn Độ", "CU": "Cuba",
}  # fmt: skip


def country(code: str) -> str:
    """`Belarus (BY)`: the name people read, with the code they may search for."""
    name = COUNTRIES.get(code)
    return f"{name} ({code})" if name else code
