"""libyaml's error texts in Vietnamese: (message, hint) for each problem the parser can report.

libyaml speaks English; staff do not. Every text its scanner and parser can give is here (a test
reads them out of the compiled parser and checks), so no English reaches a user. A text not
found here (a newer libyaml) is still said in Vietnamese, with the generic entry.
"""

from __future__ import annotations

_COLON_HINT = 'giá trị có dấu hai chấm phải đặt trong ngoặc kép, ví dụ title: "Mục tiêu: …"'
_QUOTE_HINT = "đặt giá trị trong ngoặc kép"
_NOT_USED = "hnqt không dùng chỉ thị YAML; xóa dòng bắt đầu bằng “%”"

SYNTAX_MESSAGES: dict[str, tuple[str, str]] = {
    # values and keys
    "mapping values are not allowed in this context": (
        "dấu “:” không được đứng ở đây",
        _COLON_HINT,
    ),
    "mapping values are not allowed here": ("dấu “:” không được đứng ở đây", _COLON_HINT),
    "found unexpected ':'": (
        "dấu “:” không được đứng ở đây (trong ngoặc {…} hay […], sau “:” phải có dấu cách)",
        "giá trị có dấu “:” — như địa chỉ http://… — phải đặt trong ngoặc kép: "
        '{ url: "http://example.org" }',
    ),
    "could not find expected ':'": (
        "thiếu dấu “:” sau tên trường",
        "viết dạng `tên_trường: giá trị`",
    ),
    "did not find expected key": (
        "thụt lề không khớp hoặc thiếu tên trường",
        "các trường cùng cấp phải thẳng cột; phần tử danh sách bắt đầu bằng “- ”",
    ),
    "did not find expected node content": (
        "thiếu giá trị",
        "kiểm tra dấu phẩy và ngoặc trong danh sách",
    ),
    "found character that cannot start any token": (
        "có ký tự không thể bắt đầu một giá trị (như @ hay `)",
        _QUOTE_HINT,
    ),
    "block sequence entries are not allowed in this context": (
        "phần tử danh sách “- ” không được đứng ở đây",
        "đặt danh sách xuống dòng dưới tên trường, thụt lề thêm, mỗi phần tử bắt đầu bằng “- ”",
    ),
    "did not find expected '-' indicator": (
        "một trường nằm lẫn trong danh sách",
        "phần tử danh sách bắt đầu bằng “- ”; trường tiếp theo phải thụt lề như trường cha",
    ),
    "found a tab character that violates indentation": (
        "ký tự tab trong phần thụt lề",
        "YAML chỉ thụt lề bằng dấu cách; thay tab bằng dấu cách",
    ),
    "found a tab character where an indentation space is expected": (
        "ký tự tab trong phần thụt lề",
        "YAML chỉ thụt lề bằng dấu cách; thay tab bằng dấu cách",
    ),
    # brackets, quotes, the end of the file
    "did not find expected ',' or ']'": (
        "danh sách “[” chưa đóng",
        'thêm “]” ở cuối danh sách, ví dụ lead: ["Sở Y tế", "Sở Tài chính"]',
    ),
    "did not find expected ',' or '}'": (
        "ngoặc nhọn “{” chưa đóng",
        'thêm “}” ở cuối, ví dụ source: {file: "a.txt"}',
    ),
    "found unexpected end of stream": (
        "tệp kết thúc khi chuỗi hay danh sách chưa đóng",
        "kiểm tra ngoặc kép và ngoặc vuông đã đóng đủ chưa",
    ),
    "found unexpected document indicator": (
        "dòng “---” hay “...” nằm giữa một chuỗi chưa đóng",
        "đóng ngoặc kép của chuỗi phía trên",
    ),
    "did not find expected <document start>": (
        "còn nội dung sau chỗ kết thúc tài liệu (“...”)",
        "xóa dòng “...” hoặc phần phía sau nó",
    ),
    "did not find expected <stream-start>": ("tệp không bắt đầu như một tệp YAML", ""),
    "did not find expected comment or line break": (
        "còn ký tự thừa sau giá trị trên cùng dòng",
        "xóa phần thừa, hoặc đặt cả giá trị trong ngoặc kép",
    ),
    # escapes inside "…"
    "found unknown escape character": (
        "dấu “\\” trong ngoặc kép đi với ký tự không hợp lệ",
        "viết “\\\\” cho một dấu gạch ngược, hoặc dùng ngoặc đơn: 'C:\\thư mục'",
    ),
    "did not find expected hexdecimal number": (
        "mã thoát \\x, \\u hay \\U thiếu chữ số hệ mười sáu",
        "viết đủ chữ số (\\u00e9), hoặc bỏ dấu “\\”",
    ),
    "found invalid Unicode character escape code": (
        "mã thoát \\u hay \\U không ứng với ký tự nào",
        "sửa mã, hoặc gõ thẳng ký tự",
    ),
    # anchors, aliases, tags (refused anyway; said clearly when malformed)
    "did not find expected alphabetic or numeric character": (
        "tên sau “&” hay “*” không hợp lệ",
        "hnqt không dùng neo/bí danh YAML; đặt giá trị có “&” hay “*” trong ngoặc kép",
    ),
    "found undefined alias": ("bí danh YAML không có neo", "chép lại giá trị thay cho bí danh"),
    "found duplicate anchor; first occurrence": ("neo YAML lặp lại", "xóa “&…”"),
    "found undefined tag handle": ("thẻ YAML không được dùng", "bỏ ký hiệu “!” trước giá trị"),
    "did not find expected tag URI": ("thẻ YAML không hợp lệ", "bỏ ký hiệu “!” trước giá trị"),
    "did not find expected '!'": ("thẻ YAML không hợp lệ", "bỏ ký hiệu “!” trước giá trị"),
    "did not find the expected '>'": ("thẻ YAML không hợp lệ", "bỏ ký hiệu “!” trước giá trị"),
    "did not find URI escaped octet": ("thẻ YAML không hợp lệ", "bỏ ký hiệu “!” trước giá trị"),
    "found an incorrect leading UTF-8 octet": (
        "thẻ YAML không hợp lệ",
        "bỏ ký hiệu “!” trước giá trị",
    ),
    "found an incorrect trailing UTF-8 octet": (
        "thẻ YAML không hợp lệ",
        "bỏ ký hiệu “!” trước giá trị",
    ),
    # block scalars (| and >)
    "found an indentation indicator equal to 0": (
        "chỉ số thụt lề sau “|” hay “>” không được là 0",
        "bỏ chữ số sau “|” hay “>”",
    ),
    "found unexpected non-alphabetical character": (
        "ký tự không hợp lệ sau “|” hay “>”",
        "sau “|” hay “>” chỉ được có “-”, “+” hay một chữ số",
    ),
    # directives (refused before parsing; listed so that none reaches a user in English)
    "could not find expected directive name": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "found unknown directive name": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "did not find expected whitespace": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "did not find expected whitespace or line break": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "did not find expected digit or '.' character": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "did not find expected version number": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "found extremely long version number": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "found duplicate %YAML directive": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "found duplicate %TAG directive": ("chỉ thị YAML không hợp lệ", _NOT_USED),
    "found incompatible YAML document": ("chỉ thị YAML không hợp lệ", _NOT_USED),
}
GENERIC = (
    "cú pháp YAML không hợp lệ ở đây",
    "so với mẫu trong docs/data-format.md; đặt giá trị có ký tự đặc biệt trong ngoặc kép",
)


def syntax_message(problem: str) -> tuple[str, str]:
    """The Vietnamese (message, hint) for one of libyaml's texts."""
    return SYNTAX_MESSAGES.get(problem.strip(), GENERIC)
