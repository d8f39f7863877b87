"""HTML to text without building a tree: the fallback for markup a tree parser gives up on.

lxml (under trafilatura) stops at 256 levels of nesting, so a page of 10,000 nested `div`s
yields no text at all; a feed entry's `content:encoded` is a fragment, with no page furniture
for trafilatura to remove. This tokenizer reads tags as a flat stream, so depth costs nothing; a
block tag starts a paragraph, and script, style and the like are skipped. It is a forward scan
with `str.find` (the standard library's `HTMLParser` goes quadratic on a run of unclosed `<a `),
so its time is linear in the markup, which the caller's byte bound limits.
"""

from __future__ import annotations

import html
import re

# Tags whose text is never article text; their content is skipped up to the closing tag.
_SKIPPED = {
    name: re.compile(f"</{name}", re.IGNORECASE)
    for name in ("script", "style", "noscript", "template", "svg", "title", "iframe")
}
# Tags that start a new paragraph.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
# Tags with no end tag, which therefore never deepen the nesting.
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# lxml's default nesting limit: deeper markup is what trafilatura cannot read.
TREE_DEPTH_LIMIT = 255
_NAME_END = " \t\n\r\f/>"


def _tag_name(tag: str) -> str:
    """The lower-case name of a tag's inside (`div class=x` -> `div`)."""
    end = len(tag)
    for stop in _NAME_END:
        at = tag.find(stop)
        if at != -1:
            end = min(end, at)
    return tag[:end].lower()


def markup_text(markup: str) -> tuple[str, int]:
    """The text of `markup`, a paragraph per block, and how deep its tags nest."""
    parts: list[str] = []
    depth = deepest = 0
    at, size = 0, len(markup)
    while at < size:
        start = markup.find("<", at)
        if start == -1:
            parts.append(html.unescape(markup[at:]))
            break
        parts.append(html.unescape(markup[at:start]))
        following = markup[start + 1 : start + 2]
        if markup.startswith("<!--", start):
            end = markup.find("-->", start + 4)
            at = size if end == -1 else end + 3
            continue
        if not (following.isalpha() or following in ("/", "!", "?")):
            parts.append("<")  # a lone "<" is text
            at = start + 1
            continue
        end = markup.find(">", start)
        if end == -1:
            break  # an unclosed tag ends the markup
        tag = markup[start + 1 : end]
        at = end + 1
        if following in ("!", "?"):
            continue
        closing = tag.startswith("/")
        name = _tag_name(tag[1:] if closing else tag)
        if name in _SKIPPED and not closing:
            close = _SKIPPED[name].search(markup, at)
            at = size if close is None else close.start()
            continue
        if name not in _VOID and not tag.endswith("/"):
            depth = max(0, depth - 1) if closing else depth + 1
            deepest = max(deepest, depth)
        if name in _BLOCKS:
            parts.append("\n")
    return "".join(parts), deepest
