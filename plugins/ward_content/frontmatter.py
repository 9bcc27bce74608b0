"""Reading a content file's bytes into YAML front matter (with line numbers) and a Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import ContentError, ContentErrors
from .yaml_lint import explain_flow, line_problems

# Encodings a Japanese office PC is likely to save in, tried in this order to name the culprit.
_LIKELY_ENCODINGS = (("cp932", "Shift_JIS"), ("euc_jp", "EUC-JP"), ("iso2022_jp", "JIS (ISO-2022-JP)"))


# libyaml's parser when present (about 5x faster); the pure-Python one otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader without YAML 1.1 timestamps, so dates reach our Japanese-aware parser as text."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Python refuses to read an integer of more than 4,300 digits (a ValueError, not a YAML error); no field
# needs more than a few, so a longer one is reported on its line before int() sees it.
MAX_NUMBER_DIGITS = 30


def _bounded_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    if sum(ch.isdigit() for ch in node.value) > MAX_NUMBER_DIGITS:
        raise yaml.constructor.ConstructorError(None, None, "number too long", node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)


@dataclass(frozen=True)
class FrontMatter:
    """Parsed front matter: values, the line of each top-level key, and the body."""

    data: dict
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    end_line: int = 1

    def line_of(self, name: str) -> int:
        """The line of a field (`a` or `a.b.0`), its nearest recorded parent, or the closing `---`."""
        while name:
            if name in self.lines:
                return self.lines[name]
            name = name.rpartition(".")[0]
        return self.end_line


def _problem(path: str, line: int, field: str, message: str, code: str) -> ContentErrors:
    """A file-level problem that stops reading this file (nothing after it can be parsed)."""
    return ContentErrors([ContentError(path, line, field, message, code)])


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text (a BOM and CRLF line ends accepted), or a ContentError naming the likely encoding."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(raw)
        where = f"{guess} で保存されているようです。" if guess else ""
        raise _problem(
            path,
            line,
            "",
            f"ファイルが UTF-8 ではありません。{where}"
            "エディタの「名前を付けて保存」で文字コードに UTF-8 を選んで保存し直してください",
            "file is not UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _guess_encoding(raw: bytes) -> str | None:
    for codec, name in _LIKELY_ENCODINGS:
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return None


# Dashes staff type in place of "-" (full-width, the long-vowel mark, dashes of other widths).
_WIDE_DASHES = "－ー―‐−—"
# A line of dashes that is not exactly "---": more or fewer of them, full-width ones, spaces between.
_CLOSER_LIKE = re.compile(f"^(?!---$)(?:[-{_WIDE_DASHES}]\\s*){{2,}}$")


def split(text: str, path: str) -> FrontMatter:
    """Split `---` front matter from the body and parse it as YAML, with located errors."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise _problem(
            path,
            1,
            "",
            "先頭に front matter（--- で囲んだ項目の欄）がありません。"
            "1行目に --- を書き、title: などの項目を並べ、もう一度 --- で閉じてください",
            "missing front matter",
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        # "----", "ーーー" or "- - -": the line meant to close it, if there is one, is where to look.
        near = next((i for i in range(1, len(lines)) if _CLOSER_LIKE.match(lines[i].strip())), None)
        raise _problem(
            path,
            1 if near is None else near + 1,
            "",
            "front matter が --- で閉じられていません。項目の後に --- だけの行を入れてください"
            + ("" if near is None else f"（この行の「{lines[near].strip()}」を半角のハイフン3つ --- にします）"),
            "front matter not closed",
        ) from None
    # Lines YAML would misread (全角, タブ, a value starting with *) are reported where they are,
    # all at once, before YAML reports one of them lines later in other words.
    misread = line_problems(lines[1:end], 2, path)
    if misread:
        raise ContentErrors(misread)
    yaml_text = "\n".join(lines[1:end])
    data, key_lines = _load_yaml(yaml_text, path, first_line=2)
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(data=data, lines=key_lines, body=body, body_line=end + 2, end_line=end + 1)


# Front matter is a flat list of fields with a few nested values; deeper means a mistake or an attack.
MAX_YAML_DEPTH = 20


def _refuse_aliases(yaml_text: str, path: str, first_line: int) -> None:
    """Anchors and aliases (&a, *a) are refused before anything is built: a few lines of them expand
    into gigabytes ("billion laughs"), and staff never need them."""
    depth = 0
    for event in yaml.parse(yaml_text, Loader=_Loader):
        line = first_line + event.start_mark.line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _problem(
                path,
                line,
                "",
                "front matter に & や * で始まる参照（YAML のアンカー・エイリアス）は使えません。値をそのまま書いてください",
                "YAML alias",
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _problem(
                    path,
                    line,
                    "",
                    f"front matter の入れ子が深すぎます（{MAX_YAML_DEPTH}段まで）",
                    "YAML nesting too deep",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _load_yaml(yaml_text: str, path: str, first_line: int) -> tuple[dict, dict[str, int]]:
    try:
        _refuse_aliases(yaml_text, path, first_line)
        loader = _Loader(yaml_text)
        try:
            # One parse: the node tree gives line numbers, and is then constructed into values.
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        # An unclosed [ or { is found only at the end of the text; its opening line is where to look.
        opened = exc.context and "flow" in exc.context
        mark = (exc.context_mark if opened else exc.problem_mark) or exc.context_mark or exc.problem_mark
        line = first_line + (mark.line if mark else 0)
        flow = _flow_problem(yaml_text, exc, first_line)
        if flow is not None:
            line, key, explanation = flow
            raise _problem(path, line, key, explanation, "YAML syntax error: value starts with a bracket") from None
        quoted = _quote_problem(yaml_text, exc, first_line)
        if quoted is not None:
            line, key, explanation = quoted
            raise _problem(path, line, key, explanation, "YAML syntax error: unclosed quote") from None
        stray = _stray_line(yaml_text, exc)
        if stray is not None:
            offset, explanation, code = stray
            raise _problem(path, first_line + offset, "", explanation, f"YAML syntax error: {code}") from None
        japanese, code = _yaml_problem(exc)
        raise _problem(
            path,
            line,
            "",
            f"front matter の書き方に誤りがあります（{japanese}）。"
            "「項目名: 値」の形で、コロンの後に半角スペースを入れてください。"
            '値に : や # を含むときは "…" で囲んでください',
            f"YAML syntax error: {code}",
        ) from None
    except yaml.YAMLError as exc:  # ReaderError: a control character, with a position but no mark
        position = getattr(exc, "position", 0) or 0
        raise _problem(
            path,
            first_line + yaml_text[:position].count("\n"),
            "",
            "front matter に見えない制御文字が入っています。その行を消して打ち直してください",
            "control character in front matter",
        ) from None
    if not isinstance(data, dict):
        raise _problem(
            path,
            first_line,
            "",
            "front matter は「項目名: 値」の並びで書いてください",
            "front matter is not a mapping",
        )
    lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key, line = str(key_node.value), first_line + key_node.start_mark.line
        if key in lines:
            raise _problem(
                path,
                line,
                key,
                f"項目「{key}」が{lines[key]}行目にもあります。どちらか一方を消してください",
                "duplicate field",
            )
        lines[key] = line
    for key_node, value_node in node.value:
        _nested_lines(value_node, str(key_node.value), first_line, lines)
    return {str(k): v for k, v in data.items()}, lines


def _flow_problem(yaml_text: str, exc: yaml.MarkedYAMLError, first_line: int) -> tuple[int, str, str] | None:
    """`title: [未定]花火` fails as a list: name the line that starts with the bracket, in staff words."""
    lines = yaml_text.split("\n")
    for mark in (exc.context_mark, exc.problem_mark):
        if mark is not None and mark.line < len(lines):
            explained = explain_flow(lines[mark.line])
            if explained:
                return (first_line + mark.line, *explained)
    return None


_KEY_AT_START = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w]*)\s*:")


def _stray_line(yaml_text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str, str] | None:
    """A line at the left edge without "name:" that YAML stumbled on (it reports it a line late): a list
    item written with a full-width dash or without the space, or a value continued on the next line."""
    lines = yaml_text.split("\n")
    last = exc.problem_mark.line if exc.problem_mark is not None else len(lines) - 1
    for offset in range(min(last, len(lines) - 1), -1, -1):
        text = lines[offset]
        if not text or text[0] in " \t#" or _KEY_AT_START.match(text) or text.startswith("- "):
            continue
        if text[0] in _WIDE_DASHES:
            return (
                offset,
                f"一覧の行が全角の「{text[0]}」で始まっています。半角の「- 」（ハイフンと半角スペース）で始めてください",
                "full-width dash",
            )
        if text.startswith("-") and not text.startswith("--"):
            return (
                offset,
                f"一覧の行の「-」の後に半角スペースがありません。「- {text[1:].strip()}」のように書いてください",
                "no space after a dash",
            )
        return (
            offset,
            f"「{text.strip()[:20]}」の行に「項目名: 」がありません。前の行の値の続きなら、前の行につなげて1行に書いてください",
            "line without a field name",
        )
    return None


def _quote_problem(yaml_text: str, exc: yaml.MarkedYAMLError, first_line: int) -> tuple[int, str, str] | None:
    """`title: "花火大会` is found open only at the end of the text: name the line the quote opens on."""
    mark = exc.context_mark
    unclosed = "end of stream" in (exc.problem or "")
    if not (exc.context and "quoted scalar" in exc.context) or mark is None or not unclosed:
        return None
    lines = yaml_text.split("\n")
    text = lines[mark.line] if mark.line < len(lines) else ""
    quote = text[mark.column] if mark.column < len(text) else '"'
    found = _KEY_AT_START.match(text)
    key = found.group(1) if found else ""
    example = f"{key}: {quote}…{quote}" if key else f"{quote}…{quote}"
    explanation = (
        f"値の始めの引用符 {quote} が閉じていません。値の終わりにも {quote} を書いてください（例: {example}）。"
        f"引用符が要らなければ、始めの {quote} を消してください"
    )
    return first_line + mark.line, key, explanation


def _nested_lines(node: yaml.Node, prefix: str, first_line: int, lines: dict[str, int]) -> None:
    """Record `a.b` and `a.0` paths so an error in a nested value points at its own line."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = f"{prefix}.{key_node.value}"
            lines.setdefault(path, first_line + key_node.start_mark.line)
            _nested_lines(value_node, path, first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}.{index}"
            lines.setdefault(path, first_line + item.start_mark.line)
            _nested_lines(item, path, first_line, lines)


_YAML_PROBLEMS = (
    # (what the parser says, in part; Japanese explanation; stable English code)
    ("mapping values are not allowed", "1行に「:」が多すぎます", "too many ':' on a line"),
    ("could not find expected ':'", "「:」が見つかりません", "missing ':'"),
    ("tab character", "タブ文字は使えません。半角スペースで字下げしてください", "tab character"),
    (
        "found character that cannot start any token",
        "値の先頭に使えない文字（タブ、@、` など）があります",
        "character that cannot start a value",
    ),
    (
        "expected ',' or ']'",
        'かっこ [ ] が閉じていません。値にかっこを含むときは "…" で囲んでください',
        "unclosed bracket",
    ),
    (
        "expected ',' or '}'",
        'かっこ { } が閉じていません。値にかっこを含むときは "…" で囲んでください',
        "unclosed brace",
    ),
    (
        "number too long",
        f'数字が長すぎます（{MAX_NUMBER_DIGITS}桁まで）。文字として書くときは値全体を " で囲んでください',
        "number too long",
    ),
    ("found unexpected end of stream", "引用符 \" や ' が閉じていません", "unclosed quote"),
    (
        "found unknown escape character",
        '"…" の中に「\\」があります。フォルダの区切りは「/」にしてください（例: images/hanabi.jpg）',
        "backslash in quotes",
    ),
    (
        "expected hexdecimal number",  # "C:\Users\…": \U and \x start escapes
        '"…" の中に「\\」があります。フォルダの区切りは「/」にし、パソコンの中の場所（C:\\Users\\…）は書かないでください',
        "backslash in quotes",
    ),
    ("did not find expected key", "字下げがそろっていません", "bad indentation"),
    ("expected <block end>", "字下げがそろっていません", "bad indentation"),
)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[str, str]:
    """A Japanese explanation and a stable English code; libyaml and PyYAML word problems differently."""
    problem = exc.problem or ""
    for needle, japanese, code in _YAML_PROBLEMS:
        if needle in problem:
            return japanese, code
    return "YAML として読めません", "unreadable"
