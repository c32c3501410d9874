"""Mobile numbers: every channel normalises and validates them alike; lists show them masked."""

import pytest
from django.core.exceptions import ValidationError

from portal.common.masking import mask_phone
from portal.common.phone import normalise_phone, validate_mobile


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("8613812345678", "13812345678"),
    ],
)
def test_phone_normalisation(raw, expected):
    assert normalise_phone(raw) == expected
    assert validate_mobile(raw) == expected


@pytest.mark.parametrize("raw", ["", "1381234567", "23812345678", "12812345678", "138123456789", "abc"])
def test_phone_rejects(raw):
    with pytest.raises(ValidationError):
        validate_mobile(raw)


def test_mask():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("123") == "***"
