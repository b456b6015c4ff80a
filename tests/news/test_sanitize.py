"""The allowlist: what editors need survives, anything that could run script does not.
(The 50-vector XSS corpus lives in tests/security/.)"""

import pytest

from news.sanitize import clean_html, html_to_text


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Tiêu đề 2</h2>",
        "<h3>Tiêu đề 3</h3>",
        "<ul><li>Một</li><li>Hai</li></ul>",
        '<ol start="3"><li>Ba</li></ol>',
        "<blockquote><p>Trích dẫn</p></blockquote>",
        "<p><strong>đậm</strong> <em>nghiêng</em> <u>gạch</u> <s>xóa</s></p>",
        '<table><thead><tr><th colspan="2">Đơn vị</th></tr></thead>'
        '<tbody><tr><td rowspan="2">Thọ Xuân</td><td>3</td></tr></tbody></table>',
        '<figure class="image"><img src="/media/news/a.jpg" alt="Hội trường" width="800" height="600"'
        ' loading="lazy"><figcaption>Một số hình ảnh</figcaption></figure>',
        '<p><a href="https://congdoan.vn/tin" rel="noopener noreferrer">liên kết</a></p>',
        '<p><a href="/tin-tuc/bai/" rel="noopener noreferrer">nội bộ</a></p>',
        '<p><a href="mailto:congdoanthanhhoa@thanhhoa.gov.vn" rel="noopener noreferrer">thư</a></p>',
    ],
)
def test_allowed_markup_survives_unchanged(html):
    assert clean_html(html) == html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a<script>alert(1)</script></p>", "<p>a</p>"),
        ('<p onclick="alert(1)" onmouseover="x">a</p>', "<p>a</p>"),
        ('<img src="/a.jpg" onerror="alert(1)">', '<img src="/a.jpg" loading="lazy">'),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href=" JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img loading="lazy">'),
        ('<p style="position:fixed;top:0">a</p>', "<p>a</p>"),
        ("<style>body{display:none}</style><p>a</p>", "<p>a</p>"),
        ('<iframe src="https://evil.example"></iframe><p>a</p>', "<p>a</p>"),
        ('<svg><script>alert(1)</script></svg><p>a</p>', "<p>a</p>"),
        ('<form action="/x"><input name="q"></form>', ""),
        ('<p class="evil" id="x">a</p>', "<p>a</p>"),
        ('<figure class="image attacker"><img src="/a.jpg" width="100%"></figure>',
         '<figure class="image"><img src="/a.jpg" loading="lazy"></figure>'),
        ('<a href="https://e.vn" target="_blank">x</a>', '<a href="https://e.vn" rel="noopener noreferrer">x</a>'),
        ("<!-- bình luận --><p>a</p>", "<p>a</p>"),
    ],
)  # fmt: skip
def test_dangerous_markup_is_removed(dirty, clean):
    assert clean_html(dirty) == clean


def test_every_link_gets_noopener_noreferrer():
    cleaned = clean_html('<a href="https://facebook.com/x" rel="opener">fb</a>')
    assert cleaned == '<a href="https://facebook.com/x" rel="noopener noreferrer">fb</a>'


def test_output_is_nfc_normalised():
    decomposed = "<p>Đa\u0323i ho\u0302\u0323i</p>"
    assert clean_html(decomposed) == "<p>Đại hội</p>"


def test_empty_input_gives_empty_string():
    assert clean_html("") == ""
    assert clean_html(None) == ""


def test_html_to_text_separates_blocks_and_unescapes():
    assert html_to_text("<p>An &amp; toàn</p><p>lao động</p>") == "An & toàn lao động"
