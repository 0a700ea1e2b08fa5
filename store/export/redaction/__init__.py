"""Redaction for public posts: personal data found in every form people write it, ordinary text left.

``Redactor.for_case(case)`` masks each piece of text of a case's export; ``find`` lists the spans
it masks, so a person can review them (store.export.redaction.review). Detection by module:
numbers (phones, ID numbers, cards), shapes (e-mail, couriers, passports, plates, links), labels
(values after 微信/订单号/收件人 …), addresses, names; keep finds what must stay verbatim (dates,
amounts, agent IDs, service lines, credit codes).

Libraries, measured against these rules on the labelled corpora of tests/export/corpus (three
sets, 538 sentences; ``make bench``, section "redaction", reproduces every figure):

* phonenumbers 9.0 (PhoneNumberMatcher, region CN): phones 69/71 found (97.2%), precision 91.0% -
  it takes 400/800 service lines and a date with a time ("2026.11.18 09") for phone numbers and
  misses extensions; the rules find 71/71 at 100%. It stays a development dependency, for this
  comparison.
* python-stdnum 2.2 validates but does not find: stdnum.cn.ric alone on 18-digit runs finds 1/20 ID
  numbers and stdnum.luhn alone 5/16 cards (spaced groups, full-width digits, 15-digit IDs and
  mistyped checksums are the finder's job). The rules use both for their checksums, imported on
  first use: importing stdnum pulls in pydoc and ssl, about 100 ms a process would otherwise pay at
  start-up. Credit codes are checked by store.records.credit_code, as the case form does.
* jionlp 1.5 (extract_phone_number, extract_id_card, extract_motor_vehicle_licence_plate,
  extract_qq, extract_wechat_id), on the first two sets: phones 55/64, ID numbers 10/17, plates
  13/14, QQ 8/9, WeChat ids 3/14 (the rules: all of them); importing it takes about half a
  second, brings numpy and its dictionaries, and prints a banner on standard output, which would
  corrupt ``weiquan export > case.md``. Not used.
* pypinyin gives the pinyin of the names a case lists (every reading: 单 is Shan as a surname),
  imported only when a case lists a Chinese name.
"""

from store.export.redaction.redactor import Redacted, Redactor
from store.export.redaction.spans import MASK, Kind, Span, mask
from store.export.wording import WordingWarning, wording_warnings  # where they were imported from before

__all__ = ["MASK", "Kind", "Redacted", "Redactor", "Span", "WordingWarning", "mask", "wording_warnings"]
