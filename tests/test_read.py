"""Stage 1: decoding every supported encoding and the same-length matching view."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.errors import InputError
from checks.read import decode_bytes, matching_view, read_source

TRADITIONAL = "截至2024年底,我國醫學影像裝置生產企業達2641家,較2023 年同比增長7.18%。"
SIMPLIFIED = "截至2024年底,我国医学影像装置生产企业达2641家,较2023 年同比增长7.18%。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        ((SIMPLIFIED * 3).encode("gb18030"), "gb18030"),
        ((SIMPLIFIED * 3).encode("gbk"), "gb18030"),
        ((TRADITIONAL * 3).encode("big5"), "big5hkscs"),
    ],
)
def test_decodes_each_encoding_to_the_same_text(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert text.lstrip("\ufeff") in (SIMPLIFIED, SIMPLIFIED * 3, TRADITIONAL * 3)
    assert not text.startswith("\ufeff")


def test_gb2312_text_is_read_as_gb18030():
    text = "全国医疗卫生机构总诊疗人次达49.4亿人次。" * 4
    decoded, encoding = decode_bytes(text.encode("gb2312"))
    assert (decoded, encoding) == (text, "gb18030")


def test_view_has_the_same_length_and_simplified_ascii_content():
    original = "醫學影像裝置註冊備案產品總量達１０ ９２５件，佔比１１．８％"
    view = matching_view(original)
    assert len(view) == len(original)
    assert view == "医学影像装置注册备案产品总量达10 925件,占比11.8%"


def test_view_maps_unicode_minus_and_ideographic_space_one_to_one():
    original = "下降\u22123.5%\u3000同比"
    view = matching_view(original)
    assert view == "下降-3.5% 同比"


def test_read_source_keeps_the_original_text_for_spans(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes((TRADITIONAL * 3).encode("big5"))
    source = read_source(path)
    assert source.text == TRADITIONAL * 3
    assert source.id == "big5"
    assert source.chars == len(TRADITIONAL) * 3
    assert source.view.startswith("截至2024年底,我国")


def test_binary_file_is_refused_with_a_clear_reason(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02PNG\x00" * 10)
    with pytest.raises(InputError, match="binary"):
        read_source(path)


@given(st.text(alphabet="12３４，。．％－\u3000\u2212\u200b\ufeff億萬元年增長abc ", max_size=60))
def test_the_view_maps_exactly_the_characters_translate_would(text):
    from checks.read.view import _FULLWIDTH, to_simplified

    assert matching_view(text) == to_simplified(text).translate(_FULLWIDTH)
