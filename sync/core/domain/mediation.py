"""Words of mediation and follow-up (docs/domain.md, Records): kinds of session and degrees of satisfaction.

Stored as written here, in the source language; the window translates them for display only.
"""

from __future__ import annotations

SESSION_KINDS = ("人民调解", "行政调解", "司法调解", "联合调解")
SATISFACTION = ("满意", "基本满意", "不满意")
