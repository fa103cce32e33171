"""Places and units are named as townships name them: 第1网格, 红星1组, 110指挥中心 hold digits (review: the
window refused a grid name the roster import and the demo use)."""

from __future__ import annotations

import pytest

from desktop.services import setup
from sync.core.domain.issues import ValidationFailed


def test_a_grid_or_a_village_may_have_a_digit_in_its_name(township):
    admin = township.login("admin")
    village = setup.add_village(admin, "红星1组").ids[0]
    assert setup.add_grid(admin, village, "东村第1网格").ids
    with pytest.raises(ValidationFailed, match="网格名称"):
        setup.add_grid(admin, village, "  ")
    with pytest.raises(ValidationFailed, match="最多50个"):
        setup.add_grid(admin, village, "网" * 51)
