"""Tasks for people: build, check, new, serve, livereload, publish, gh-pages, test. Run `invoke --list`."""

from __future__ import annotations

import shutil
import sys
from datetime import datetime
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tools import site_build  # noqa: E402
from tools.invoke_help import HelpfulTask, print_task_help  # noqa: E402

OUTPUT = ROOT / "output"


def _content_failure(exc) -> Exit:
    site_build.print_errors(exc.errors)
    return Exit(f"\n{len(exc.errors)} 件の問題があります。上の行のファイルと行を直してください。", code=1)


@task
def clean(c):
    """Remove the built site (output/) and caches."""
    from tools.atomic_output import remove_output

    remove_output(OUTPUT)
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)


@task
def build(c, settings="pelicanconf.py"):
    """Build the site into output/ (strict: any content problem fails and output/ is left as it was)."""
    from ward_content.errors import ContentErrors

    try:
        written, removed = site_build.build(settings, OUTPUT)
    except ContentErrors as exc:
        raise _content_failure(exc) from None
    except OSError as exc:  # a full disk, a read-only folder: the new release was removed
        raise Exit(
            f"サイトを書き出せませんでした（{exc.strerror or exc}: {exc.filename or ''}）。"
            "ディスクの空きを確かめてください。output/ は前のままです (write failed)",
            code=1,
        ) from None
    print(f"output/ を更新しました（書き換え {written} ファイル、削除 {removed} ファイル）")


@task(help={"format": "text (default) or github (GitHub Actions annotations)", "content": "content folder"})
def check(c, format="text", content="content"):
    """Check every content file without building, and print every problem at once."""
    result = site_build.check_content((ROOT / content).resolve())
    site_build.print_errors(result.errors + result.warnings, github=(format == "github"), stream=sys.stdout)
    if result.errors:
        raise Exit(f"{len(result.errors)} 件の問題があります。", code=1)
    # Warnings (for example a history site citing only reference sources) are shown but do not fail.
    warned = f"、警告 {len(result.warnings)} 件" if result.warnings else ""
    print(f"問題はありません（{len(result.documents)} ファイル{warned}）")


@task(
    klass=HelpfulTask,
    positional=["kind", "title"],
    help={
        "kind": "news, page, event, campaign, history, bulletin",
        "title": "タイトル（日本語）",
        "folder": "置くフォルダ（記事なら news, reading, kosodate, health, bousai, office, history）",
        "slug": "URL に使う英数字名（省略するとタイトルからローマ字で提案。広報は発行月 2027-01）",
        "help": "この説明を表示します",
    },
)
def new(c, kind, title, folder=None, slug=None, help=False):
    """Write a new content file: every value to supply is a 【要入力】 placeholder that `invoke check` reports."""
    from tools.newpage import NewPageError, new_page, placeholders_in
    from ward_content.dates import today_tokyo

    if help:
        print_task_help("new")
        return
    try:
        path = new_page(ROOT / "content", kind, title, today_tokyo(), folder=folder, slug=slug)
    except NewPageError as exc:
        raise Exit(str(exc), code=1) from None
    rel = path.relative_to(ROOT)
    print(f"{rel} を作りました。")
    print(f"「【要入力】」の所（{placeholders_in(path)} か所）を書き換えてください。残っていると点検で止まります。")
    if kind == "bulletin":
        print(f"PDF は {rel.with_suffix('.pdf')} という名前で、同じフォルダに置いてください。")
    else:
        print(
            f"URL のもとになる名前は「{path.stem}」です。ローマ字が違っていたら、公開前にファイル名を直してください。"
        )


@task(
    klass=HelpfulTask,
    positional=["text"],
    help={
        "text": "バナーに出す短い説明（100文字以内）",
        "level": "緊急（既定）、警戒、お知らせ",
        "title": "見出し（30文字以内、省略可）",
        "expires": "掲載終了日時（例: 2026-11-30 18:00、省略可）",
        "help": "この説明を表示します（緊急情報は書きません）",
    },
)
def emergency(c, text, level="緊急", title=None, expires=None, help=False):
    """Turn emergency mode on: writes content/emergency.md (then `invoke build`); `invoke emergency-off` ends it."""
    from emergency.command import ContentErrors, command_lines, notice_text, write_notice

    from ward_content.dates import TOKYO

    if help:  # `invoke emergency --help` once published "--help" as the emergency notice
        print_task_help("emergency")
        return
    try:
        path = write_notice(ROOT / "content", notice_text(text, level, datetime.now(TOKYO), expires, title))
    except ContentErrors as exc:
        # Nothing was written: the lines name the command's options, not content/emergency.md.
        print("\n".join(command_lines(exc.errors)), file=sys.stderr)
        raise Exit(
            "\ncontent/emergency.md は書いていません。上の所を直して、もう一度実行してください。", code=1
        ) from None
    print(f"{path.relative_to(ROOT)} を書きました。invoke build（または GitHub への push）で全ページにバナーが出ます。")


@task(name="emergency-off")
def emergency_off(c):
    """Turn emergency mode off: deletes content/emergency.md (then `invoke build`)."""
    from emergency.command import remove_notice

    removed = remove_notice(ROOT / "content")
    print("content/emergency.md を消しました。" if removed else "緊急情報は出ていません。")
    print("invoke build（または GitHub への push）でバナーが消えます。")


@task
def docs(c):
    """Regenerate docs/fields.md from the schemas."""
    from tools.field_docs import field_reference

    (ROOT / "docs" / "fields.md").write_text(field_reference(), encoding="utf-8")
    print("docs/fields.md を作り直しました。")


@task(name="cms-config")
def cms_config(c):
    """Regenerate admin/config.yml (the CMS's forms) from the content schemas."""
    from tools.cms_config import CONFIG_PATH, project_config

    (ROOT / CONFIG_PATH).write_text(project_config(ROOT), encoding="utf-8")
    print(f"{CONFIG_PATH} を作り直しました。")


@task(name="cms-vendor")
def cms_vendor(c):
    """Fetch the pinned Decap CMS from the npm registry into theme/static/vendor/decap-cms/ (integrity-checked)."""
    from tools.cms_vendor import PACKAGE, TARGET, VERSION, vendor

    files = vendor()
    print(f"{PACKAGE} {VERSION}: {len(files)} ファイルを {TARGET.relative_to(ROOT)} に置きました。")


@task(help={"port": "site port (default 8000)", "backend_port": "decap-server port (default 8081)"})
def cms(c, port=8000, backend_port=8081):
    """Edit in the browser without GitHub: decap-server on the working copy, and the site at /admin/."""
    from tools.cms_local import run

    run(ROOT, OUTPUT, int(port), int(backend_port))


@task(help={"port": "ポート番号（既定 8000）", "host": "待ち受けるアドレス（スマートフォンから見るときは 0.0.0.0）"})
def serve(c, port=8000, host="127.0.0.1"):
    """Serve output/ at http://localhost:8000."""
    import functools
    import http.server

    from tools.preview_server import PortInUse, bind

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(OUTPUT))
    try:
        server = bind(http.server.ThreadingHTTPServer, (host, int(port)), handler)
    except PortInUse as exc:
        raise Exit(str(exc), code=1) from None
    with server:
        print(f"http://localhost:{port}/ で表示しています（Ctrl+C で終了）")
        server.serve_forever()


@task(help={"host": "0.0.0.0 to open the preview from a phone on the same network", "port": "port (default 8000)"})
def livereload(c, host="127.0.0.1", port=8000):
    """Preview with reload on save: only the changed file is read and only the page you look at is rendered."""
    from tools.preview_server import PortInUse, serve

    try:
        serve(host=host, port=int(port), report=lambda line: print(line, file=sys.stderr, flush=True))
    except PortInUse as exc:
        raise Exit(str(exc), code=1) from None


def _publish_failure(exc, github: bool = False) -> Exit:
    from tools.publish import failure_lines

    # GitHub reads annotations from standard output.
    for line in failure_lines(exc, github):
        print(line, file=sys.stdout if github else sys.stderr)
    return Exit(
        f"\n公開用の点検（{exc.stage}）で {len(exc.lines)} 件の問題があります。output/ は前のままです。", code=1
    )


@task(help={"format": "text (default) or github (GitHub Actions annotations)"})
def publish(c, format="text"):
    """Production build (publishconf.py) in a fresh folder, strict checks, then update output/."""
    from tools.publish import PublishFailed
    from tools.publish import publish as run_publish

    try:
        result = run_publish("publishconf.py", OUTPUT, github=(format == "github"))
    except PublishFailed as exc:
        raise _publish_failure(exc, github=(format == "github")) from None
    print(f"公開用に output/ を更新しました（書き換え {result.written} ファイル、削除 {result.removed} ファイル）")


@task(
    name="gh-pages",
    help={"push": "push the branch to the remote", "remote": "git remote (default origin)"},
)
def gh_pages(c, push=False, remote="origin"):
    """Publish the checked production build of HEAD to the gh-pages branch; pushes only with --push."""
    from tools.publish import PublishFailed, PublishRefused
    from tools.publish import gh_pages as run_gh_pages

    try:
        result = run_gh_pages(ROOT, OUTPUT, remote=remote, push=push)
    except PublishFailed as exc:
        raise _publish_failure(exc) from None
    except PublishRefused as exc:
        raise Exit(str(exc), code=1) from None
    state = "新しいコミット" if result.committed else "変更なし（コミットなし）"
    print(f"gh-pages: {result.commit[:12]}（{state}、元のコミット {result.source_commit[:12]}）")
    print(f"{remote} に送りました。" if result.pushed else "送るには --push を付けてください。")


@task(help={"sizes": "corpus sizes, comma-separated (default 500,2000,8000)", "runs": "builds per size (default 3)"})
def bench(c, sizes="500,2000,8000", runs=3):
    """Our build beside plain Pelican on the same corpus: times, ratios, memory, rebuild, preview latency."""
    from tools.bench import run, table

    results = run(tuple(int(s) for s in sizes.split(",")), int(runs), report=lambda line: print(line, flush=True))
    print(table(results))


@task(name="sample-pdfs", help={"markdown": "also write the sample months' missing Markdown files"})
def sample_pdfs(c, markdown=False):
    """Re-create missing sample bulletin PDFs (committed; an existing file is never overwritten)."""
    from tools.sample_bulletins import main

    main(["--markdown"] if markdown else [])


@task
def screenshots(c):
    """PNG screenshots of one page of every kind at 375 and 1280 px into tmp/screenshots/ (run `invoke build` first)."""
    from tools.screenshots import main

    main()


@task(help={"fast": "only unit tests and small builds (the inner loop, under a minute)"})
def test(c, fast=False):
    """Lint, then the whole test suite (needs `make test`'s system packages); --fast for the inner loop."""
    c.run(f"{sys.executable} -m ruff check .", pty=False)
    # The fast tier runs on both cores (pytest-xdist); the whole suite stays in one process, where the
    # session's sample-site build and browser are shared.
    selection = ' -n 2 -m "unit or build"' if fast else ""
    c.run(f"{sys.executable} -m pytest -q{selection}", pty=False)
