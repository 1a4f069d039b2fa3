"""What an editor shows on hover over each record and field of a registry file, in Vietnamese
(the records' docstrings speak English to developers; staff read these)."""

from __future__ import annotations

RECORDS: dict[str, str] = {
    "Departments": "Danh mục mọi đơn vị và nhóm đơn vị mà sổ đăng ký có thể nêu tên.",
    "Unit": "Một đơn vị: Sở, ban, cơ quan thành phố, bộ, hay đơn vị trực thuộc.",
    "Group": "Một cụm từ chỉ nhiều đơn vị cùng lúc (các Sở, ngành; đơn vị liên quan…).",
    "Partner": "Một đối tác nước ngoài: thành phố, vùng, quốc gia hay tổ chức.",
    "LocalizedName": "Tên đối tác bằng tiếng Việt, tiếng Anh và tiếng bản địa.",
    "Tie": "Quan hệ của một địa phương khác của Việt Nam với đối tác, theo văn bản nguồn.",
    "SourceRef": "Nguồn của bản ghi: tệp trong shared/sources và vị trí trong tệp.",
    "Agreement": "Một thỏa thuận quốc tế hay chương trình hợp tác thành phố đã ký.",
    "Party": "Một bên của thỏa thuận, đúng như văn bản ghi.",
    "Signatory": "Người ký thỏa thuận, với chức danh văn bản ghi.",
    "Article": "Một điều của thỏa thuận và các đơn vị được giao thực hiện.",
    "Term": "Thời hạn của thỏa thuận; chỉ ghi năm nghĩa là ngày cuối năm đó.",
    "Steps": "Thủ tục theo Luật Thỏa thuận quốc tế 2020, điều 19.",
    "Step": "Một bước đã làm: ngày và văn bản.",
    "Activity": "Một chuyến thăm, sự kiện, lời mời hay đề xuất trong khuôn khổ thỏa thuận.",
    "Plan": "Một kế hoạch hay văn bản chỉ đạo: thông tin, quy định báo cáo, các mục, chỉ tiêu.",
    "Signer": "Người ký kế hoạch, với khối chức danh như văn bản ghi.",
    "Basis": "Một văn bản làm căn cứ của kế hoạch.",
    "Period": "Các năm kế hoạch bao trùm; nhiệm vụ hằng năm đến hạn mỗi năm một lần.",
    "Reporting": "Quy định báo cáo hằng năm: các đơn vị báo cáo trước một ngày về một đơn vị.",
    "Budget": "Đơn vị bố trí kinh phí thực hiện kế hoạch, và câu văn quy định.",
    "Section": "Một mục của phụ lục nhiệm vụ (I … VII).",
    "Indicator": "Một chỉ tiêu của kế hoạch (Phụ lục I), giữ số thứ tự của văn bản.",
    "Task": "Một nhiệm vụ của kế hoạch: đơn vị, thời hạn như văn bản ghi, và tiến độ.",
    "DeadlineSpec": "Thời hạn như văn bản ghi, kèm văn bản được chờ khi đã ban hành.",
    "EventRecord": "Văn bản mà nhiệm vụ chờ, khi đã ban hành.",
    "Progress": "Một lần ghi tiến độ; done: true là hoàn thành nhiệm vụ (hoặc lần của năm đó).",
    "Reports": "Các báo cáo hằng năm các đơn vị đã gửi theo kế hoạch.",
    "Submission": "Một báo cáo hằng năm một đơn vị đã gửi.",
    "Former": "Một đơn vị đã hợp nhất vào đơn vị này, với quyết định hợp nhất.",
    "FollowUp": "Đơn vị theo dõi thỏa thuận và nguồn quy định điều đó (thiếu một trong hai thì "
    "hnqt không giao nghĩa vụ cho đơn vị nào).",
    "IssueWindow": "Khoảng ngày ban hành mà nguồn cho phép khi văn bản để trống ngày: sau một "
    "văn bản được dẫn, trước một ngày văn bản ngụ ý.",
    "Addressee": "Một nơi nhận của văn bản, nguyên văn.",
}

# Field descriptions; "Record.field" overrides a plain field name where the meaning differs.
FIELDS: dict[str, str] = {
    "id": "Mã: chữ thường không dấu, nối bằng gạch ngang (so-y-te); trùng tên tệp.",
    "name": "Tên đầy đủ, đúng như văn bản.",
    "kind": "Loại (chọn trong danh sách).",
    "aliases": "Tên viết tắt, tên khác (SYT, Sở KH&CN…).",
    "former": "Tên cũ của các đơn vị đã hợp nhất vào đơn vị này (sắp xếp năm 2025).",
    "parent": "Mã đơn vị cấp trên (với phòng, đơn vị trực thuộc).",
    "names": "Các cách viết của cụm từ, đúng như văn bản.",
    "units": "Các đơn vị, tên như văn bản ghi.",
    "groups": "Các cụm từ chỉ nhiều đơn vị.",
    "vi": "Tên tiếng Việt.",
    "en": "Tên tiếng Anh.",
    "native": "Tên bằng tiếng bản địa.",
    "country": "Mã quốc gia ISO 3166-1 (BY, RU…).",
    "description": "Mô tả ngắn.",
    "ties": "Quan hệ của các địa phương khác với đối tác.",
    "locality": "Địa phương của Việt Nam.",
    "text": "Câu văn nguyên văn từ văn bản nguồn.",
    "since": 'Từ ngày (2025-05-06, "2025-05" hoặc "2025").',
    "source": "Nguồn: tệp trong shared/sources (và vị trí).",
    "file": "Tên tệp trong shared/sources.",
    "ref": "Vị trí trong tệp (Phụ lục II, V.19…).",
    "title": "Tên, đúng như văn bản.",
    "partners": "Mã các đối tác (tệp trong data/partners/).",
    "parties": "Các bên ký.",
    "signed": "Ngày ký (chỉ ghi tháng hay năm nếu văn bản chỉ ghi vậy).",
    "place": "Nơi ký.",
    "signatories": "Những người ký.",
    "side": "Phía Hà Nội (hanoi) hay phía đối tác (partner).",
    "fields": "Các lĩnh vực hợp tác.",
    "articles": "Các điều của thỏa thuận.",
    "number": "Số, đúng như văn bản.",
    "subject": "Nội dung của điều.",
    "term": "Thời hạn hiệu lực.",
    "start": "Bắt đầu.",
    "end": "Kết thúc (chỉ ghi năm nghĩa là 31/12 năm đó).",
    "status": "Tình trạng (chọn trong danh sách).",
    "follow_up": "Đơn vị theo dõi thỏa thuận.",
    "steps": "Thủ tục theo điều 19 Luật Thỏa thuận quốc tế 2020.",
    "mofa_consulted": "Ngày và văn bản lấy ý kiến Bộ Ngoại giao trước khi ký.",
    "reported": "Ngày và văn bản báo cáo Thủ tướng, sao gửi Bộ Ngoại giao (trong 15 ngày sau ký).",
    "date": "Ngày (2025-05-06).",
    "document": "Số, ký hiệu văn bản (Báo cáo số 123/BC-SYT).",
    "activities": "Các hoạt động trong khuôn khổ thỏa thuận.",
    "notes": "Ghi chú của người nhập liệu.",
    "issuer": "Cơ quan ban hành.",
    "signer": "Người ký.",
    "recipients": "Nơi nhận / Kính gửi, nguyên văn.",
    "agreement": "Mã thỏa thuận mà văn bản triển khai.",
    "basis": "Các văn bản làm căn cứ.",
    "period": "Thời kỳ của kế hoạch.",
    "goals": "Mục tiêu, nguyên văn.",
    "reporting": "Quy định báo cáo hằng năm.",
    "annual_due": "Ngày đến hạn của nhiệm vụ hằng năm nếu kế hoạch ghi (15/11).",
    "budget": "Kinh phí.",
    "sections": "Các mục của phụ lục nhiệm vụ.",
    "indicators": "Các chỉ tiêu.",
    "before": "Báo cáo trước ngày/tháng (15/11).",
    "to": "Đơn vị nhận báo cáo.",
    "every": "Chu kỳ báo cáo.",
    "unit": "Đơn vị.",
    "code": "Mã, đúng như văn bản (V.19).",
    "target": "Chỉ tiêu đến năm cuối kỳ, nguyên văn.",
    "monitors": "Các đơn vị theo dõi chỉ tiêu.",
    "lead": "Đơn vị chủ trì, tên như văn bản ghi.",
    "support": "Đơn vị phối hợp, tên như văn bản ghi.",
    "deadline": "Thời hạn, ghi đúng như văn bản (Quý IV/2026, Hàng năm, Khi … ban hành).",
    "output": "Sản phẩm, kết quả dự kiến.",
    "field": "Lĩnh vực.",
    "progress": "Các lần ghi tiến độ (hnqt progress thêm vào đây).",
    "event": "Văn bản được chờ, khi đã ban hành (hnqt event ghi vào đây).",
    "days_after": "Hạn là bấy nhiêu ngày sau ngày ban hành văn bản được chờ.",
    "note": "Đã làm gì.",
    "year": "Năm được báo cáo.",
    "by": "Đơn vị báo cáo (tên chuẩn).",
    "done": "true khi đã hoàn thành.",
    "reports": "Các báo cáo đã gửi.",
    "Indicator.name": "Tên chỉ tiêu.",
    "Indicator.unit": "Đơn vị tính.",
    "Submission.unit": "Đơn vị đã gửi báo cáo (tên chuẩn).",
    "Submission.date": "Ngày gửi.",
    "Submission.year": "Năm của báo cáo.",
    "Budget.unit": "Đơn vị bố trí kinh phí.",
    "partial": "true khi chỉ một phần chức năng của đơn vị cũ chuyển về đây.",
    "issued": "Khi văn bản để trống ngày ban hành: khoảng ngày mà nguồn cho phép.",
    "addressees": "Nơi nhận / Kính gửi: các đơn vị mà nhiệm vụ của văn bản giao tới.",
    "after": "Sau ngày (2025-05-06).",
    "IssueWindow.before": "Trước ngày (2025-05-06).",
    "FollowUp.unit": "Đơn vị theo dõi.",
    "Tie.kind": "Loại quan hệ, như văn bản ghi.",
}


def describe(schema: dict[str, object], name: str) -> None:
    """Put the Vietnamese descriptions into a record's JSON Schema (in place), in place of the
    English titles Pydantic derives from class and field names (editors show those too)."""
    schema.pop("title", None)
    if name in RECORDS:
        schema["description"] = RECORDS[name]
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for field, spec in properties.items():
            text = FIELDS.get(f"{name}.{field}") or FIELDS.get(field)
            if not isinstance(spec, dict):
                continue
            spec.pop("title", None)
            if text is None:
                continue
            form = spec.get("description")  # the form a pattern asks for, already Vietnamese
            spec["description"] = f"{text} Dạng: {form}." if form else text
