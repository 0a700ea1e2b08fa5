"""What many records name alike is held once: the platform, shop, product, business and a
promised resolution read from the file are one string, however many cases name them."""

from __future__ import annotations

from pathlib import Path

from store.cases.case_store import CaseStore
from tests.helpers.app_driver import FIXED_NOW


def test_records_read_share_the_strings_they_have_alike(tmp_path: Path) -> None:
    db = tmp_path / "weiquan.json"
    store = CaseStore.open(db, backups=False, clock=lambda: FIXED_NOW)
    for n in range(2):
        case = store.create_case(
            {
                "title": f"耳机 {n}",
                "platform": "小红书",
                "shop": "小红书自营",
                "product": "蓝牙耳机",
                "respondent_name": "某某科技有限公司",
                "respondent_address": "上海市黄浦区",
            }
        )
        contact = {"at": FIXED_NOW, "channel": "hotline", "promise": "三个工作日内退款", "summary": f"第 {n} 次"}
        store.add_contact(case.id, contact)
    one, two = CaseStore.open(db, backups=False, create=False).cases(ordered=False)
    for field in ("platform", "shop", "product", "respondent_name", "respondent_address"):
        assert getattr(one, field) is getattr(two, field), field
    assert one.contacts[0].promise is two.contacts[0].promise
    assert one.contacts[0].summary is not two.contacts[0].summary  # what was said is each contact's own
