"""Vietnamese text: NFC, whitespace, matching keys with and without diacritics, collation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hnqt.names import code_key, collapse, match_key, nfc, plain_key, sort_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc / collapse / match_key / plain_key ---------------------------------------------------


def test_nfc_composes_nfd_text():
    decomposed = nfd("Sở Y tế")
    assert decomposed != "Sở Y tế"  # the test means something: the input really is NFD
    assert nfc(decomposed) == "Sở Y tế"
    assert len(nfc(decomposed)) == len("Sở Y tế") == 7


def test_collapse_trims_and_joins_whitespace():
    assert collapse("  Sở \t Y\n\ntế  ") == "Sở Y tế"
    assert collapse(nfd(" Văn  phòng ")) == "Văn phòng"
    assert collapse("") == ""


@pytest.mark.parametrize(
    "text",
    ["Sở Y tế", "Văn phòng UBND Thành phố", "Định kỳ hằng năm", "Sở Giáo dục và Đào tạo"],
)
def test_match_key_nfd_equals_nfc(text):
    assert match_key(nfd(text)) == match_key(text)
    assert plain_key(nfd(text)) == plain_key(text)


def test_match_key_folds_case_and_whitespace_but_keeps_diacritics():
    assert match_key("  SỞ   Y  TẾ ") == "sở y tế"
    assert match_key("Sở Y tế") == "sở y tế"
    # the exact key keeps the marks: "so y te" is a different exact key
    assert match_key("so y te") != match_key("Sở Y tế")


def test_plain_key_drops_diacritics():
    assert plain_key("Sở Y tế") == "so y te"
    assert plain_key("so y te") == "so y te"
    assert plain_key("SỞ Y TẾ") == "so y te"
    assert plain_key("Sở Giáo dục và Đào tạo") == "so giao duc va dao tao"
    assert plain_key("Đ") == "d"
    assert plain_key("Ưu tiên, ổn định") == "uu tien, on dinh"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Các Sở, ngành, đơn vị.", "các sở, ngành, đơn vị"),
        ("Sở Y tế;", "sở y tế"),
        ("Sở Y tế, ", "sở y tế"),
        ("Sở Y tế :", "sở y tế"),
        ("Sở Y tế", "sở y tế"),
    ],
)
def test_match_key_drops_trailing_cell_punctuation(written, expected):
    assert match_key(written) == expected


def test_inner_punctuation_is_kept():
    assert match_key("Các Sở, ngành, đơn vị") == "các sở, ngành, đơn vị"
    assert plain_key("Sở KH&CN") == "so kh&cn"


vietnamese_text = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ"
                                  "ìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ AĂÂĐÊÔƠƯÁÀẠỨỆ")),
    max_size=30,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_keys_do_not_depend_on_normal_form(text):
    assert match_key(nfd(text)) == match_key(nfc(text))
    assert plain_key(nfd(text)) == plain_key(nfc(text))


@settings(max_examples=200, deadline=None)
@given(vietnamese_text)
def test_plain_key_of_vietnamese_is_ascii_and_stable(text):
    key = plain_key(text)
    assert key.isascii()
    assert plain_key(key) == key
    assert len(key) == len(match_key(text))  # one base letter for each Vietnamese letter


# --- sort_key: the Vietnamese alphabet ----------------------------------------------------------


def test_alphabet_order_of_single_letters():
    letters = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m",
               "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]  # fmt: skip
    shuffled = list(reversed(letters))
    assert sorted(shuffled, key=sort_key) == letters


def test_d_stroke_sorts_after_d_and_before_e_not_after_z():
    names = ["Zeta", "Em", "Điện Biên", "Dương", "Đà Nẵng", "Cần Thơ"]
    assert sorted(names, key=sort_key) == [
        "Cần Thơ", "Dương", "Đà Nẵng", "Điện Biên", "Em", "Zeta",
    ]  # fmt: skip
    # Python's own order puts Đ after Z: the key is really needed
    assert sorted(names)[-1].startswith("Đ")


def test_vowel_shapes_are_letters_of_their_own():
    words = ["ơn", "ân", "ôm", "ăn", "an", "on", "ưa", "ua", "êm", "em", "bê"]
    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "bê", "em", "êm", "on", "ôm", "ơn", "ua", "ưa",
    ]  # fmt: skip


def test_tones_order_ngang_huyen_hoi_nga_sac_nang():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=sort_key) == tones
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == tones


def test_tones_are_secondary_to_letters():
    # a toneless later word still comes after a heavily toned earlier one
    assert sorted(["mb", "mạ"], key=sort_key) == ["mạ", "mb"]
    assert sorted(["Sởn", "Sơm", "Số", "Sọ"], key=sort_key) == ["Sọ", "Số", "Sơm", "Sởn"]
    # a shorter word comes first: "Sở Y tế" before "Sơn Tây" although ở carries a tone
    assert sorted(["Sơn Tây", "Sở Y tế"], key=sort_key) == ["Sở Y tế", "Sơn Tây"]
    # ă with a tone is still ă: after every a-word, before every â-word
    assert sorted(["ấn", "ắn", "án", "an"], key=sort_key) == ["an", "án", "ắn", "ấn"]


def test_sort_key_ignores_case_and_normal_form_for_order():
    assert sort_key("ĐÀ")[:2] == sort_key("đà")[:2]
    assert sort_key(nfd("Sở Y tế"))[:2] == sort_key("Sở Y tế")[:2]


def test_sort_key_orders_unit_names():
    units = ["Sở Y tế", "Sở Du lịch", "Sở Đào tạo", "Sở Xây dựng", "Sở Công Thương", "Bộ Y tế"]
    assert sorted(units, key=sort_key) == [
        "Bộ Y tế", "Sở Công Thương", "Sở Du lịch", "Sở Đào tạo", "Sở Xây dựng", "Sở Y tế",
    ]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(vietnamese_text, vietnamese_text)
def test_sort_key_is_a_total_order_consistent_with_equality(a, b):
    ka, kb = sort_key(a), sort_key(b)
    assert (ka < kb) + (ka > kb) + (ka == kb) == 1
    assert (ka == kb) == (a == b)


# --- code_key -----------------------------------------------------------------------------------


def test_code_key_orders_task_codes_in_document_order():
    codes = ["VII.9", "II.1", "I.10", "I.2", "IV.3", "V.1", "VI.5", "III.13", "I.1"]
    assert sorted(codes, key=code_key) == [
        "I.1", "I.2", "I.10", "II.1", "III.13", "IV.3", "V.1", "VI.5", "VII.9",
    ]  # fmt: skip


def test_code_key_numbers_and_words():
    assert sorted(["khac", "10", "7", "theo-doi", "2"], key=code_key) == [
        "2", "7", "10", "khac", "theo-doi",
    ]  # fmt: skip
    assert code_key("V.19") == code_key("V-19")
    assert code_key("IV.1") < code_key("V.1") < code_key("VI.1")
