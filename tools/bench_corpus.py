"""The benchmark's corpus: the sample site plus synthetic articles, events, history sites and photos.

The same documents are also written in Pelican's own Markdown format (Title:, Date:, Category:), so
plain Pelican 4.12 with its default theme and no plugins builds the same load side by side.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from tools.site_build import ROOT

SECTIONS = ("news", "reading", "kosodate", "health", "bousai", "office", "history")
PARAGRAPH = (
    "金沢区では、地域の皆さまと共に考え、挑戦し、つくることを目標に、歴史資産や自然を生かしたまちづくりを進めています。"
    "8月22日には海の公園で金沢まつり花火大会を開きます。称名寺や金沢文庫をめぐる歴史散策もおすすめです。"
)
PHOTOS = 10
# Shares of the synthetic documents beyond the sample site's own (articles take the rest).
EVENT_SHARE, HISTORY_SHARE = 0.08, 0.04


def article_body(number: int) -> str:
    """A Japanese article body with a heading, a list, a link and sometimes a photo."""
    month, day = number % 12 + 1, number % 28 + 1
    photo = (
        f"![金沢区の風景の写真 {number}]({{static}}/images/bench-{number % PHOTOS}.jpg)\n\n" if number % 10 == 0 else ""
    )
    return (
        f"{PARAGRAPH}\n\n## 内容\n\n- 日時: 2026年{month}月{day}日\n- 会場: 金沢区役所\n\n{photo}"
        f"{PARAGRAPH * 3}\n\n[区役所のページ](https://www.city.yokohama.lg.jp/kanazawa/)\n"
    )


def photo_bytes(number: int) -> bytes:
    """A real 1600×1200 JPEG (gradient and noise) made by Pillow."""
    from PIL import Image

    base = Image.linear_gradient("L").resize((1600, 1200))
    noise = Image.effect_noise((1600, 1200), 40 + number)
    image = Image.merge("RGB", (base, noise, base.rotate(90).resize((1600, 1200))))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _copies(folder: Path, count: int, rename) -> list[tuple[str, str]]:
    """`count` variants of the sample files of a folder: (file name, text)."""
    samples = sorted(folder.glob("*.md"))
    out = []
    for number in range(count):
        source = samples[number % len(samples)]
        out.append(rename(source, number))
    return out


def _event(source: Path, number: int) -> tuple[str, str]:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)}（{number}）", text, count=1, flags=re.M)
    return f"{source.stem}-b{number}.md", text


def _site(source: Path, number: int) -> tuple[str, str]:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^name: (.*)$", lambda m: f"name: {m.group(1)}（{number}）", text, count=1, flags=re.M)
    text = re.sub(r"^featured: .*\n", "", text, flags=re.M)
    return f"{source.stem}-b{number}.md", text


def make_corpus(root: Path, count: int) -> dict[str, int]:
    """Our site's content under root/ours and the same documents for plain Pelican under root/plain.

    Returns how many documents of each type were written (the sample site's included).
    """
    ours, plain = root / "ours", root / "plain"
    shutil.copytree(ROOT / "content", ours, ignore=shutil.ignore_patterns(".*"))
    sample = sum(1 for _ in ours.rglob("*.md"))
    extra = max(count - sample, 0)
    events = _copies(ROOT / "content" / "events", int(extra * EVENT_SHARE), _event)
    sites = _copies(ROOT / "content" / "history" / "sites", int(extra * HISTORY_SHARE), _site)
    articles = extra - len(events) - len(sites)
    for name, text in events:
        (ours / "events" / name).write_text(text, encoding="utf-8")
    for name, text in sites:
        (ours / "history" / "sites" / name).write_text(text, encoding="utf-8")
    (ours / "images").mkdir(exist_ok=True)
    for number in range(PHOTOS):
        (ours / "images" / f"bench-{number}.jpg").write_bytes(photo_bytes(number))
    for number in range(articles):
        section = SECTIONS[number % len(SECTIONS)]
        month, day = number % 12 + 1, number % 28 + 1
        text = (
            f"---\ntitle: 金沢区のお知らせ 第{number}号\ndate: 2026-{month:02d}-{day:02d}\n---\n{article_body(number)}"
        )
        (ours / section).mkdir(exist_ok=True)
        (ours / section / f"bench-{number:05d}.md").write_text(text, encoding="utf-8")
    _plain_copy(ours, plain)
    return {
        "documents": sample + extra,
        "synthetic_articles": articles,
        "synthetic_events": len(events),
        "synthetic_history_sites": len(sites),
        "photos": sum(1 for p in (ours / "images").iterdir() if p.is_file()),
        "bulletin_pdfs": sum(1 for _ in (ours / "bulletins").glob("*.pdf")),
    }


def _plain_copy(ours: Path, plain: Path) -> None:
    """Every Markdown file as a Pelican article (its body, a title and a date), photos as static files."""
    (plain / "images").mkdir(parents=True)
    for photo in sorted((ours / "images").glob("*")):
        shutil.copyfile(photo, plain / "images" / photo.name)
    for number, path in enumerate(sorted(ours.rglob("*.md"))):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        category = path.relative_to(ours).parts[0]
        month, day = number % 12 + 1, number % 28 + 1
        target = plain / category / f"doc-{number:05d}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"Title: 文書 {number}\nDate: 2026-{month:02d}-{day:02d}\nCategory: {category}\n\n{body}", encoding="utf-8"
        )
