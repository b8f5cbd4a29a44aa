#!/usr/bin/env python3
"""Regenerates fuzz/corpus/<target>/ seed files from data/sample/ and
data/dict/ (excerpts of at most MAX bytes) plus tiny hand-written cases.
Run from the repository root: python3 fuzz/make_seeds.py.  Seeds that
libFuzzer finds later are not stored here (make fuzz keeps them in
build-fuzz/corpus/)."""

import glob
import os

MAX = 2048
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "fuzz", "corpus")


def sample(rel):
    with open(os.path.join(ROOT, "data", rel), "rb") as f:
        return f.read()


def cut(data, limit=MAX):
    """First `limit` bytes, backed off to a UTF-8 boundary and line end."""
    if len(data) <= limit:
        return data
    data = data[:limit]
    nl = data.rfind(b"\n")
    if nl > limit // 2:
        return data[: nl + 1]
    while data and (data[-1] & 0xC0) == 0x80:
        data = data[:-1]
    return data[:-1] if data and data[-1] >= 0xC0 else data


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


en = cut(sample("sample/en/001-putin-xi-no-limits-statement.txt"))
hans = cut(sample(sorted(glob.glob(os.path.join(ROOT, "data/sample/zh-hans/*.txt")))[0][len(ROOT) + 6:]))
hant = cut(sample(sorted(glob.glob(os.path.join(ROOT, "data/sample/zh-hant/*.txt")))[0][len(ROOT) + 6:]))
blog = cut(sample("sample/noisy/blog-repost-zh-hant.txt"))
aggr = cut(sample("sample/noisy/aggregator-zh-hans.txt"))
rep = cut(sample("sample/noisy/repeated-article.txt"), 3000)
html = cut(sample("sample/noisy/news-page.html"), 3000)
jsonl = cut(sample("sample/noisy/feed.jsonl"))
gbk = cut(sample("sample/noisy/gbk-encoded.txt"), 1024)
big5 = cut(sample("sample/noisy/big5-encoded.txt"), 1024)
utf16 = sample("sample/noisy/utf16-report.txt")[:1024]
texts = {"en.txt": en, "zh-hans.txt": hans, "zh-hant.txt": hant,
         "blog-zh-hant.txt": blog, "aggregator.txt": aggr,
         "repeated.txt": rep}

# decode: raw bytes in every encoding we detect.
for name, data in [("utf8.txt", en), ("zh-hans.txt", hans), ("gbk.txt", gbk),
                   ("big5.txt", big5), ("utf16le-bom.txt", utf16),
                   ("utf8-bom.txt", b"\xef\xbb\xbf" + en[:200]),
                   ("utf16be.txt", "Xi met Putin.\n".encode("utf-16-be")),
                   ("utf32le-bom.txt", "\ufeff習近平\n".encode("utf-32-le")),
                   ("latin1.txt", "caf\xe9 na\xefve\n".encode("latin-1")),
                   ("binary.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
                   ("damaged.txt", en[:100] + b"\xe4\xb8" + hans[:60])]:
    write("decode", name, data)

# html: the sample page and small hand-made pages.
write("html", "news-page.html", html)
write("html", "nested.html", b"<div>" * 40 + b"<p>deep</p>" + b"</div>" * 40)
write("html", "boilerplate.html", b"""<html lang="zh"><head><title> T \n x </title>
<meta property="article:published_time" content="2024-05-16T08:00:00Z">
<link rel="canonical" href="https://e.org/a"></head><body><nav>Home | World</nav>
<header class="site-header">Site</header><article><h1>Head</h1>
<p>First &amp; second &#x4e2d; para.<br>line<br><br>break</p><figure><figcaption>Photo: AFP</figcaption></figure>
<div class="related-stories"><a>Other</a></div><script>var x = "<p>";</script>
<time datetime="2024-05-16">May 16</time><pre>  keep   spaces </pre>
<table><tr><td>a</td><td>b</td></tr></table></article>
<aside class="ad-slot">Buy</aside><footer>(c) 2024</footer></body></html>""")
write("html", "broken.html", b"<p>unclosed <b>bold <i>it</p><td>cell<svg><p>x</svg>&notanentity; &lt")

# jsonl: the first byte is the line limit (0 = default).
write("jsonl", "feed.jsonl", b"\x00" + jsonl)
write("jsonl", "mixed.jsonl", b"\x00\xef\xbb\xbf" + b'{"text":"a","id":12}\r\n\n  \t\n'
      b'{"text":""}\n[1,2]\nnot json\n{"text":"x","date":null,"url":3}\n'
      b'{"text":"\\u4e2d\\ud800"}\n{"text":"\xff"}\n{"id":"no text"}')
write("jsonl", "limit.jsonl", b"\x10" + b'{"text":"short"}\n{"text":"this line is longer than sixteen"}\n')

# front_matter
write("front_matter", "plain.txt", en[:400])
write("front_matter", "fenced.txt", b"---\ntitle: \"Quoted\"\ndate: '2025-03-17'\n# c\n  indented\n- item\nx.y-z_1 : v\n...\n\nBody\n")
write("front_matter", "crlf.txt", b"Title: A\r\nDate : 2025-01-02\r\n\r\nBody")
write("front_matter", "no-close.txt", b"---\ntitle: x\nbody")
write("front_matter", "not-key.txt", b"Washington: Talks\nbegan\n")

# date: byte 0 = number of spans (0 = whole text), byte 1 = year range.
for i, value in enumerate([
        "2025-03-17", "2025/3/7", "2025年3月17日", "２０２５ 年 ３ 月 １７ 日 10:00",
        "10/29/2025", "29/10/2025", "March 17, 2025", "Mar. 17th 2025",
        "17 Sept. 2025", "Tue, 21 Mar 2023 09:00:00 GMT", "20230321T0900",
        "2023-03-21T09:00:00Z", "2024-02-30", "2023-03-21abc",
        "Posted on Feb. 29, 2024 by staff", "日期：2月12日 and 1899-01-01"]):
    write("date", "value%02d.txt" % i, b"\x00\x00" + value.encode())
write("date", "text-spans.txt", b"\x02\x00\x00\x10\x00\x10\x00\xff\x00\x00" + en[:255])
write("date", "zh-text.txt", b"\x00\x00" + hans[:600])

# cleanup: byte 0 = flags (spans, small duplicate thresholds, small
# sentences); the rest is the text.
for name, data in texts.items():
    write("cleanup", name, b"\x00" + data)
write("cleanup", "repeated-small.txt", b"\x04" + rep[:800])
write("cleanup", "spans.txt", b"\x0a\x00\x00\x40\x00\x50\x00\x50\x00" + en[:600])
write("cleanup", "noise.txt", b"\x00" + """Headline here

ADVERTISEMENT
![photo](http://x/y.jpg) Body text [圖片] starts here.
Photo: AFP/Scanpix
广告

Related stories
Some other headline
Read more: another

Endnotes
[1] A source.
1. Another.

Copyright 2024 Example. All rights reserved.
Post a Comment
3 comments
沒有留言:
""".encode())

# text: byte 0 = normaliser / sentence limit / language flags.
for name, data in texts.items():
    write("text", name, b"\x00" + data[:1500])
write("text", "mixed.txt", b"\x00" + """Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ，ﬁ café Straße\u200b 美國總統拜登說。Mr. J. Smith met Dr. Lee at 3.5 p.m. He left!
“引號。”[1] 他說：「好」
\tU.S. officials said so. The talks ended… Next\u3000one?!

Line one without stop,
continued here.""".encode())
write("text", "ascii-ws.txt", b"\x05  A\tB\r\n\x0bC  \x0cD  ")
write("text", "short-en.txt", b"\x08No. 5 is e.g. fine. Jr. The end")

# reader: byte 0 = file name (0 .txt, 1 .html, 2 .jsonl, 3 none).
write("reader", "text.txt", b"\x00" + en)
write("reader", "page.html", b"\x01" + html)
write("reader", "feed.jsonl", b"\x02" + jsonl)
write("reader", "detect-html", b"\x03<?xml version='1.0'?><!-- c --><HTML><body><p>Hi</p></body></html>")
write("reader", "gbk.txt", b"\x00" + gbk)
write("reader", "utf16.html", b"\x01" + "\ufeff<html><body><p>Xi &amp; Putin</p></body></html>".encode("utf-16-le"))
write("reader", "fenced.txt", b"\x00---\ndate: March 5, 2024\ntitle: t\n---\nBody")

# dictionary: byte 0 even = a dictionary file, odd = one pattern.
for f in ["countries", "agents", "events", "modality", "organizations", "people"]:
    write("dictionary", f + ".txt", b"\x00" + cut(sample("dict/%s.txt" % f), 1500))
for i, p in enumerate(["sanction* … on {T}", "{S} ... meet* with {T}",
                       "会见", "{X} bad", "{S", "… {T}", "impos* sanctions"]):
    write("dictionary", "pattern%d.txt" % i, b"\x01" + p.encode())

# date_expr: byte 0 flags, bytes 1-4 document date, then the sentence.
for i, s in enumerate(["xi met putin on tuesday, march 3, 2025.",
                       "2025-03-17 talks", "去年3月5日，双方在北京会谈。上周、昨天、前天",
                       "last week and last month; in 1972; yesterday 3 march",
                       "they will meet next week, 下周二 and 明年4月"]):
    write("date_expr", "s%d.txt" % i, bytes([i % 4, 125, 0, 2, 14]) + s.encode())

# coder: byte 0 flags (lang, trace, date, previous sentence), bytes 1-2
# document date, then the sentence.
def body_sentences(data, n):
    body = data.split(b"\n\n", 1)[-1].decode("utf-8", "ignore")
    out = []
    for sep in ["。", ". "]:
        for s in body.split(sep):
            s = s.strip()
            if 20 < len(s.encode()) < 400:
                out.append(s + sep.strip())
    return out[:n]


for i, s in enumerate(body_sentences(en, 4)):
    write("coder", "en%d.txt" % i, bytes([0x0c | 0x10 * (i % 2), 32, 5]) + s.encode())
for i, s in enumerate(body_sentences(hans, 3)):
    write("coder", "zh-hans%d.txt" % i, bytes([0x09, 33, 2]) + s.encode())
for i, s in enumerate(body_sentences(hant, 2)):
    write("coder", "zh-hant%d.txt" % i, bytes([0x0a, 34, 3]) + s.encode())
write("coder", "pronoun.txt", bytes([0x18, 35, 4]) +
      "Chinese President Xi Jinping met Putin in Moscow.\nHe said the two sides would not impose sanctions on each other next week.".encode())
