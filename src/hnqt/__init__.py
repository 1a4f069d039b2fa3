"""hnqt — Hà Nội · Quan hệ quốc tế: sổ đăng ký YAML và công cụ dòng lệnh."""

__version__ = "0.1.0"
