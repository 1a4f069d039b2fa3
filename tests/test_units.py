"""Resolving written unit names through departments.yaml (DESIGN §3, Units)."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import FIXTURE
from hnqt.loading import load
from hnqt.model import Departments, Group, Unit
from hnqt.units import Miss, Resolution, UnitDirectory


@pytest.fixture(scope="module")
def units() -> UnitDirectory:
    """The directory of the frozen registry (its data/departments.yaml)."""
    return load(FIXTURE, use_cache=False).units


def small() -> UnitDirectory:
    return UnitDirectory(
        Departments(
            units=(
                Unit(id="van-phong", name="Văn phòng UBND Thành phố", kind="agency",
                     aliases=("VP UBND TP",)),
                Unit(id="phong-qhqt", name="Phòng Quan hệ quốc tế", kind="division",
                     parent="van-phong", aliases=("Phòng QHQT",)),
                Unit(id="phong-le-tan", name="Phòng Lễ tân", kind="division", parent="van-phong"),
                Unit(id="so-y-te", name="Sở Y tế", kind="so", aliases=("SYT",)),
                Unit(id="so-tai-chinh", name="Sở Tài chính", kind="so",
                     former=("Sở Kế hoạch và Đầu tư",)),
                Unit(id="bo-y-te", name="Bộ Y tế", kind="ministry"),
                Unit(id="cuc-y-te", name="Cục Y tế dự phòng", kind="central", parent="bo-y-te"),
                Unit(id="nhnn-kv1", name="Ngân hàng Nhà nước chi nhánh Khu vực 1", kind="bank"),
                # two units whose names differ only by diacritics
                Unit(id="ban-a", name="Ban Tổ chức", kind="ban"),
                Unit(id="ban-b", name="Bàn Tổ chức", kind="other"),
            ),
            groups=(
                Group(id="addressed", kind="addressees", names=("Các Sở, ngành, đơn vị",)),
                Group(id="others", kind="others", names=("Các cơ quan, đơn vị khác",)),
                Group(id="named", kind="named", names=("Các Sở, ban, ngành có tên trong KH",)),
                Group(id="city", kind="city", names=("Các Sở, ban, ngành thuộc Thành phố",)),
                Group(id="related-units", kind="related",
                      names=("Các Sở, ngành, đơn vị liên quan",)),
                Group(id="external", kind="external", names=("Các hội trí thức",)),
            ),
        )
    )  # fmt: skip


def one(found: Resolution | Miss) -> str:
    assert isinstance(found, Resolution), found
    assert found.group is None
    assert len(found.units) == 1, found
    return found.units[0]


# --- the real directory ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "unit_id"),
    [
        ("Sở Y tế", "so-y-te"),
        ("Sở Công Thương", "so-cong-thuong"),
        ("Sở Tài chính", "so-tai-chinh"),
        ("Văn phòng UBND Thành phố", "van-phong-ubnd-tp"),
        ("Bộ Ngoại giao", "bo-ngoai-giao"),
        ("Sở Giáo dục và Đào tạo", "so-giao-duc-va-dao-tao"),
    ],
)
def test_canonical_names(units, written, unit_id):
    assert one(units.resolve(written)) == unit_id
    assert units.name(unit_id) == written


@pytest.mark.parametrize(
    ("written", "unit_id"),
    [
        ("SYT", "so-y-te"),
        ("Sở KH&CN", "so-khoa-hoc-va-cong-nghe"),
        ("Sở GD&ĐT", "so-giao-duc-va-dao-tao"),
        ("VP UBND TP", "van-phong-ubnd-tp"),
        ("UBND Thành phố", "ubnd-tp"),
    ],
)
def test_aliases(units, written, unit_id):
    assert one(units.resolve(written)) == unit_id


@pytest.mark.parametrize(
    ("former", "successor"),
    [
        ("Sở Kế hoạch và Đầu tư", "so-tai-chinh"),
        ("Sở Thông tin và Truyền thông", "so-khoa-hoc-va-cong-nghe"),
        ("Sở Giao thông vận tải", "so-xay-dung"),
    ],
)
def test_former_names_point_at_the_successor(units, former, successor):
    assert one(units.resolve(former)) == successor


@pytest.mark.parametrize(
    "written",
    ["so y te", "  SỞ  Y TẾ ", "sở y tế", "SO Y TE", unicodedata.normalize("NFD", "Sở Y tế"),
     "Sở Y tế.", "syt"],
)  # fmt: skip
def test_matching_ignores_case_whitespace_diacritics(units, written):
    assert one(units.resolve(written)) == "so-y-te"


def test_diacritic_free_alias(units):
    assert one(units.resolve("so gd&dt")) == "so-giao-duc-va-dao-tao"
    assert one(units.resolve("so ke hoach va dau tu")) == "so-tai-chinh"


def test_sub_unit_in_brackets(units):
    name = "Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)"
    assert one(units.resolve(name)) == "vp-phong-qhqt"
    assert units.units["vp-phong-qhqt"].parent == "van-phong-ubnd-tp"
    assert units.belongs_to("vp-phong-qhqt", "van-phong-ubnd-tp") is True
    assert units.belongs_to("van-phong-ubnd-tp", "vp-phong-qhqt") is False
    assert units.belongs_to("vp-phong-qhqt", "so-y-te") is False
    assert units.belongs_to("so-y-te", "so-y-te") is True


def test_sub_unit_with_trailing_cell_punctuation(units):
    """Cells end with "." in the sources; "Sở Y tế." resolves, so must its bracketed form."""
    assert one(units.resolve("Sở Y tế.")) == "so-y-te"
    name = "Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế)."
    assert one(units.resolve(name)) == "vp-phong-qhqt"


def test_several_sub_units_in_brackets(units):
    name = "Văn phòng UBND Thành phố (Phòng Quan hệ quốc tế, Phòng Lãnh sự và Lễ tân Đối ngoại)"
    found = units.resolve(name)
    assert found == Resolution(units=("vp-phong-qhqt", "vp-phong-lsltdn"))


def test_unknown_sub_unit_lists_the_parents_sub_units(units):
    found = units.resolve("Văn phòng UBND Thành phố (Phòng Không Có)")
    assert isinstance(found, Miss)
    assert found.ambiguous is False
    assert "Phòng Quan hệ quốc tế" in found.closest


@pytest.mark.parametrize(
    ("written", "group"),
    [
        ("Các Sở, ngành, đơn vị", "addressees"),
        ("Các Sở, ban, ngành", "addressees"),
        ("Các Sở, ngành, đơn vị.", "addressees"),
        ("Các cơ quan, đơn vị khác", "others"),
        ("Các Sở, ban, ngành có tên trong KH", "named"),
        ("Các Sở, ban, ngành thuộc Thành phố", "city"),
        ("Các Sở, ngành, đơn vị liên quan", "related"),
        ("các đơn vị liên quan", "related"),
        ("cac so, nganh, don vi lien quan", "related"),
        ("Các hội trí thức", "external"),
    ],
)
def test_groups(units, written, group):
    assert units.resolve(written) == Resolution(units=(), group=group)


def test_no_match_is_a_miss_with_the_closest_names(units):
    found = units.resolve("Sở Y khoa")
    assert isinstance(found, Miss)
    assert found.ambiguous is False
    assert found.name == "Sở Y khoa"
    assert "Sở Y tế" in found.closest
    assert len(found.closest) <= 3
    assert "Sở Y khoa" in found.message()
    assert "Sở Y tế" in found.hint()


def test_no_match_and_nothing_close(units):
    found = units.resolve("xyz qqq")
    assert isinstance(found, Miss)
    assert found.closest == ()
    assert "departments.yaml" in found.hint()


def test_lookup_one_finds_units_and_refuses_groups(units):
    found = units.lookup_one("so y te")
    assert isinstance(found, Unit)
    assert found.id == "so-y-te"
    refused = units.lookup_one("Các Sở, ngành, đơn vị")
    assert isinstance(refused, Miss)
    refused = units.lookup_one("Các Sở, ngành, đơn vị liên quan")
    assert isinstance(refused, Miss)


def test_refusing_a_group_proposes_units_not_the_group_itself(units):
    """`--so "Các Sở, ngành, đơn vị"`: saying "no unit X; did you mean X?" helps no one."""
    refused = units.lookup_one("Các Sở, ngành, đơn vị")
    assert isinstance(refused, Miss)
    for proposed in refused.closest:
        assert isinstance(units.lookup_one(proposed), Unit), proposed


def test_city_departments_are_the_citys_own(units):
    city = set(units.city_departments)
    for so in ("so-y-te", "so-cong-thuong", "so-tai-chinh", "so-du-lich", "so-xay-dung"):
        assert so in city
    for outside in ("bo-ngoai-giao", "bo-tai-chinh", "bo-y-te", "thu-tuong", "ubnd-tp"):
        assert outside not in city
    assert "vp-phong-qhqt" not in city  # a sub-unit is not a department of its own
    every_so = {u.id for u in units.units.values() if u.kind == "so"}
    assert every_so <= city


# --- a small directory built by hand ----------------------------------------------------------


def test_small_directory_resolves():
    directory = small()
    assert one(directory.resolve("SYT")) == "so-y-te"
    assert one(directory.resolve("Sở Kế hoạch và Đầu tư")) == "so-tai-chinh"
    assert one(directory.resolve("VP UBND TP (Phòng QHQT)")) == "phong-qhqt"
    assert one(directory.resolve("Văn phòng UBND Thành phố (phong le tan)")) == "phong-le-tan"
    assert directory.resolve("Các hội trí thức") == Resolution(group="external")


def test_ambiguous_diacritic_free_name():
    directory = small()
    # the exact names still resolve
    assert one(directory.resolve("Ban Tổ chức")) == "ban-a"
    assert one(directory.resolve("Bàn Tổ chức")) == "ban-b"
    # without diacritics they meet: ambiguity is a Miss naming both
    found = directory.resolve("ban to chuc")
    assert isinstance(found, Miss)
    assert found.ambiguous is True
    assert set(found.closest) == {"Ban Tổ chức", "Bàn Tổ chức"}
    assert "nhiều đơn vị" in found.message()
    assert isinstance(directory.lookup_one("ban to chuc"), Miss)


def test_small_city_departments():
    directory = small()
    assert set(directory.city_departments) == {"van-phong", "so-y-te", "so-tai-chinh", "ban-a"}


def test_small_lookup_one_refuses_groups():
    directory = small()
    assert isinstance(directory.lookup_one("Các Sở, ngành, đơn vị"), Miss)
    unit = directory.lookup_one("VP UBND TP")
    assert isinstance(unit, Unit) and unit.id == "van-phong"


# --- what a document's groups mean ---------------------------------------------------------

NAMED = [
    "Sở Y tế", "VP UBND TP (Phòng QHQT)", "Ngân hàng Nhà nước chi nhánh Khu vực 1",
    "Cục Y tế dự phòng", "Bộ Y tế", "Các Sở, ngành, đơn vị liên quan", "Sở Khoa học",
]  # fmt: skip


def test_a_plan_addressed_to_the_units_it_names_leaves_out_central_bodies():
    directory = small()
    scope = directory.scope(["Các Sở, ban, ngành có tên trong KH"], NAMED)
    assert scope.named == ("nhnn-kv1", "so-y-te", "van-phong")  # Vietnamese order, tops only
    assert scope.outside == ("bo-y-te", "cuc-y-te")  # a ministry and its department
    assert scope.addressees == scope.named
    assert scope.addressed_by[0] == ("nhnn-kv1", "Các Sở, ban, ngành có tên trong KH")
    city = directory.city_departments
    assert scope.members("addressees", city) == scope.named
    assert scope.members("others", city) == ()
    assert scope.members("related", city) == scope.members("external", city) == ()


def test_a_letter_to_every_department_leaves_the_named_ones_for_other_units():
    directory = small()
    scope = directory.scope(["Các Sở, ban, ngành thuộc Thành phố"], ["Sở Y tế", "VP UBND TP"])
    others = scope.members("others", directory.city_departments)
    assert set(others) == {"so-tai-chinh", "ban-a"}  # every department less the named two
    assert "nhnn-kv1" not in scope.addressees  # a bank branch is not a city department


def test_no_addressees_means_nobody():
    directory = small()
    scope = directory.scope([], NAMED)
    for group in ("addressees", "others"):
        assert scope.members(group, directory.city_departments) == ()  # type: ignore[arg-type]


def test_meaning_fills_a_group_in_from_the_document():
    directory = small()
    scope = directory.scope(["Các Sở, ban, ngành có tên trong KH"], NAMED)
    assert directory.meaning("Các Sở, ngành, đơn vị", scope) == Resolution(
        scope.named, "addressees")  # fmt: skip
    assert directory.meaning("SYT", scope) == Resolution(("so-y-te",))
    assert directory.meaning("Sở Không Có", scope) is None


def test_several_leads_share_a_task():
    directory = small()
    assert directory.shared(["Sở Y tế", "Sở Tài chính"])
    assert directory.shared(["Các Sở, ngành, đơn vị"])
    assert not directory.shared(["Sở Y tế", "SYT"])  # one unit written twice
    assert not directory.shared(["VP UBND TP (Phòng QHQT, Phòng Lễ tân)"])  # one department
    assert not directory.shared(["Sở Y tế", "Các Sở, ngành, đơn vị liên quan"])


def test_top_and_outside_reach():
    directory = small()
    assert directory.top("phong-qhqt") == "van-phong"
    assert directory.top("so-y-te") == "so-y-te"
    assert directory.outside_reach("cuc-y-te") and directory.outside_reach("bo-y-te")
    assert not directory.outside_reach("nhnn-kv1")


def test_a_former_name_with_its_basis_still_resolves():
    from hnqt.model import Basis, Former

    directory = UnitDirectory(Departments(units=(
        Unit(id="so-noi-vu", name="Sở Nội vụ", kind="so", former=(Former(
            name="Sở Lao động - Thương binh và Xã hội", partial=True,
            basis=(Basis(title="Nghị định", number="45/2025/NĐ-CP"),)),)),
    )))  # fmt: skip
    assert one(directory.resolve("Sở Lao động - Thương binh và Xã hội")) == "so-noi-vu"
