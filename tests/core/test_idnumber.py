"""ID numbers (GB 11643) and phones: known-good and known-bad numbers, normalisation, warnings."""

from datetime import date

import pytest

from sync.core.domain import idnumber, phone
from sync.core.domain.masking import mask_id, mask_phone

TODAY = date(2026, 11, 23)
GOOD = "11010519491231002X"  # the standard's own example: female, born 1949-12-31


def test_the_standard_example_is_valid_and_read():
    result = idnumber.check(GOOD, today=TODAY)
    assert result.ok and not result.warnings
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "女"


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105\u300019491231002ｘ",
    ],
)
def test_unambiguous_forms_are_normalised(typed):
    result = idnumber.check(typed, today=TODAY)
    assert result.ok, result.errors
    assert result.normalized == GOOD


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("110105194912310021", "校验位不符（应为X）"),
        ("110105194902300023", "不是真实日期"),
        ("110105202712310022", "在未来"),
        ("11010519491231002", "长度为17位"),
        ("1101051949123100211", "长度为19位"),
        ("11010519491231A02X", "应为17位数字"),
        ("", "不能为空"),
    ],
)
def test_bad_numbers_say_why(number, reason):
    result = idnumber.check(number, today=TODAY)
    assert not result.ok
    assert reason in result.errors[0].reason
    assert result.errors[0].field == "身份证号"


def test_odd_17th_digit_is_male():
    number = idnumber.make("420606", date(1980, 5, 17), 12, "男")
    assert idnumber.check(number, today=TODAY).sex == "男"
    assert int(number[16]) % 2 == 1


def test_legacy_15_digit_number_is_accepted_with_a_warning():
    result = idnumber.check("110105491231002", today=TODAY)
    assert result.ok
    assert result.birth_date == date(1949, 12, 31)
    assert result.sex == "女"
    assert "15位" in result.warnings[0].reason


def test_unknown_address_code_is_only_a_warning():
    number = idnumber.make("990101", date(1990, 1, 1), 5, "女")
    result = idnumber.check(number, today=TODAY)
    assert result.ok
    assert "地址码" in result.warnings[0].reason


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("+86 138-0013-8000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("0086１３８００１３８０００", "13800138000"),
        ("0571-88001234", "057188001234"),
        ("010-12345678", "01012345678"),
    ],
)
def test_phones_are_normalised(typed, normalized):
    result = phone.check(typed)
    assert result.ok, result.errors
    assert result.normalized == normalized


@pytest.mark.parametrize("bad", ["1380013800", "12800138000", "138001380001", "abc", "110"])
def test_bad_phones_name_the_field(bad):
    result = phone.check(bad)
    assert not result.ok
    assert result.errors[0].field == "手机号"


def test_unknown_mobile_prefix_is_a_warning():
    result = phone.check("14000138000")
    assert result.ok and result.warnings


def test_masking():
    assert mask_id(GOOD) == "110105********002X"
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("057188001234") == "0571****1234"
    assert mask_id(None) == ""
