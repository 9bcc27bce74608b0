/* Our additions to Decap CMS at /admin/: the site's own styles in the preview, previews of the
   main content types, and a clean-up before saving so a saved file passes `invoke check`.
   Loaded after decap-cms.js, which defines window.CMS, window.h (React.createElement) and createClass. */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS) {
    return;
  }

  // The preview is an iframe: an absolute URL resolves the same from inside it.
  CMS.registerPreviewStyle(new URL("../theme/css/site.css", document.baseURI).href);

  /* Empty optional fields must be left out, not written as "" or []: our schemas reject a blank
     value (blank), and Decap keeps an emptied field as "". Lists of objects lose empty rows. */
  function isEmpty(value) {
    if (value === null || value === undefined || value === "") {
      return true;
    }
    if (value && typeof value.size === "number" && typeof value.filter === "function") {
      return value.size === 0;
    }
    return false;
  }

  function prune(value) {
    if (value && typeof value.filter === "function" && typeof value.map === "function" && value.size !== undefined) {
      return value.map(prune).filter(function (item) {
        return !isEmpty(item);
      });
    }
    if (typeof value === "string") {
      return value.trim() === "" ? "" : value;
    }
    return value;
  }

  /* Decap sorts only top-level keys; nested objects keep the order they were filled in. The page
     carries each collection's field order (generated from admin/config.yml at build time). */
  var orderNode = document.getElementById("ward-cms-field-order");
  var fieldOrder = orderNode ? JSON.parse(orderNode.textContent) : {};

  function reorder(value, order, path) {
    if (value && typeof value.toList === "function" && typeof value.keySeq === "function" && value.get !== undefined && typeof value.setSize !== "function") {
      var names = order[path] || [];
      var sorted = value.clear();
      names.forEach(function (name) {
        if (value.has(name)) {
          sorted = sorted.set(name, reorder(value.get(name), order, path ? path + "." + name : name));
        }
      });
      value.forEach(function (item, name) {
        if (names.indexOf(name) < 0) {
          sorted = sorted.set(name, item);
        }
      });
      return sorted;
    }
    if (value && typeof value.setSize === "function") {
      return value.map(function (item) {
        return reorder(item, order, path);
      });
    }
    return value;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get("data");
      var body = data.get("body");
      var cleaned = reorder(prune(data.delete("body")), fieldOrder[entry.get("collection")] || {}, "");
      return body === undefined ? cleaned : cleaned.set("body", body);
    },
  });

  var h = window.h;
  var createClass = window.createClass;

  function fact(label, value) {
    if (value === undefined || value === null || value === "") {
      return null;
    }
    return [h("dt", { key: label + "-t" }, label), h("dd", { key: label + "-d" }, String(value))];
  }

  function page(props, title, facts, before, after) {
    return h(
      "main",
      { className: "ward-main", id: "main" },
      h(
        "article",
        { className: "ward-article" },
        h("h1", { className: "ward-article__title" }, title || "（題名）"),
        before || null,
        facts.length ? h("dl", { className: "ward-event__facts" }, facts) : null,
        after || null,
        h("div", { className: "ward-article__body" }, props.widgetFor("body"))
      )
    );
  }

  function get(props, path) {
    var value = props.entry.getIn(["data"].concat(path));
    return value && value.toJS ? value.toJS() : value;
  }

  var EventPreview = createClass({
    render: function () {
      var p = this.props;
      var venue = get(p, ["venue"]) || {};
      var facts = [].concat(
        fact("日時", [get(p, ["start"]), get(p, ["end"])].filter(Boolean).join(" 〜 ")),
        fact("会場", [venue.name, venue.address].filter(Boolean).join("（") + (venue.address ? "）" : "")),
        fact("状態", get(p, ["status"])),
        fact("参加費", get(p, ["fee"])),
        fact("定員", get(p, ["capacity"])),
        fact("対象", get(p, ["audience"]))
      ).filter(Boolean);
      return page(p, get(p, ["title"]), facts);
    },
  });

  var HistoryPreview = createClass({
    render: function () {
      var p = this.props;
      var images = get(p, ["images"]) || [];
      var facts = [].concat(
        fact("読み", get(p, ["reading"])),
        fact("指定", get(p, ["designation"])),
        fact("時代", get(p, ["era"])),
        fact("所在地", get(p, ["address"]))
      ).filter(Boolean);
      var photo = null;
      if (images.length && images[0].src) {
        var asset = p.getAsset(images[0].src);
        photo = h("figure", { className: "ward-article__figure" }, h("img", { src: asset ? asset.toString() : "", alt: images[0].alt || "" }));
      }
      return page(p, get(p, ["name"]), facts, photo);
    },
  });

  var BulletinPreview = createClass({
    render: function () {
      var p = this.props;
      var contents = get(p, ["contents"]) || [];
      var facts = [].concat(fact("発行日", get(p, ["issue_date"])), fact("号数", get(p, ["number"])), fact("PDF", get(p, ["pdf"]))).filter(Boolean);
      var list = h(
        "ol",
        { className: "ward-bulletin__contents" },
        contents.map(function (item, index) {
          return h("li", { key: index }, (item.title || "") + "（" + (item.page || "") + "ページ）");
        })
      );
      return page(p, get(p, ["headline"]), facts, null, list);
    },
  });

  var ArticlePreview = createClass({
    render: function () {
      var p = this.props;
      return page(p, get(p, ["title"]), [].concat(fact("日付", get(p, ["date"]))).filter(Boolean));
    },
  });

  CMS.registerPreviewTemplate("event", EventPreview);
  CMS.registerPreviewTemplate("history", HistoryPreview);
  CMS.registerPreviewTemplate("bulletin", BulletinPreview);
  ["news", "page", "campaign"].forEach(function (name) {
    CMS.registerPreviewTemplate(name, ArticlePreview);
  });
})();
