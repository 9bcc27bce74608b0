"""Reads content/emergency.md; puts the notice in every page's context; writes its page and feed."""

from __future__ import annotations

from ward_content.feeds import FeedHead, atom_bytes
from ward_content.folder_generator import WardFolderGenerator
from ward_content.rendering import document_html
from ward_content.settings import read_settings as read_ward_settings

from .model import feed_entry, make_notice, special_announcement
from .schema import FILE_NAME, KIND
from .settings import read_settings

AREA = "横浜市金沢区"


class EmergencyGenerator(WardFolderGenerator):
    """The notice is put into the shared context in generate_context, before any page is written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.emergency = read_settings(self.settings)
        self.ward = read_ward_settings(self.settings)
        self.notice = None

    @property
    def public_url(self) -> str:
        return (self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"]).rstrip("/")

    def generate_context(self) -> None:
        # The content set has read and checked every file at the top of content/ (this type's folder "").
        content = self.content_set
        documents = content.of_kind(KIND.name)
        self.ward_documents.extend(documents)
        doc = content.usable(FILE_NAME)
        if doc is None:
            return
        body = document_html(doc, self.ward.own_hosts)
        notice = make_notice(doc.meta, body, self.emergency.page_path.removesuffix("index.html"))
        if not notice.active(self.emergency.now):
            return
        self.notice = notice
        self.context["ward_emergency"] = notice
        self.context["ward_emergency_jsonld"] = special_announcement(
            notice, self.public_url, AREA, self.settings["AUTHOR"]
        )
        self.context["ward_emergency_feed"] = self.emergency.feed_path

    def generate_output(self, writer) -> None:
        self.write_page(
            writer, "emergency/page", self.emergency.page_path, notice=self.notice, emergency=self.emergency
        )
        if self.notice is None:
            return
        # Titled as the emergency page's <link rel="alternate"> says.
        head = FeedHead(
            f"{self.settings['SITENAME']} 緊急情報",
            self.emergency.feed_path,
            self.notice.url,
            "金沢区からの緊急情報です。",
        )
        feed = atom_bytes(head, [feed_entry(self.notice)], self.public_url, self.settings)
        self.write_bytes(self.emergency.feed_path, feed)
