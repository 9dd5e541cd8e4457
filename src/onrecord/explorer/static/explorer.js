// onrecord explorer: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  function byData(attr, value) {
    return document.querySelectorAll("[" + attr + '="' + CSS.escape(value) + '"]');
  }

  // Article page: point at or click a statement to see its details.
  function setupArticle() {
    var text = document.getElementById("article-text");
    var detail = document.getElementById("statement-detail");
    if (!text || !detail) return;
    var pinned = null;
    var current = null;

    function show(sid) {
      if (sid === current) return;
      current = sid;
      document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
      if (!sid) return;
      byData("data-sid", sid).forEach(function (el) { el.classList.add("active"); });
      var card = byData("data-card", sid)[0];
      if (!card) return;
      card.classList.add("active");
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("tabindex");
      copy.classList.remove("active");
      detail.replaceChildren(copy);
      detail.setAttribute("data-showing", sid);
    }

    text.addEventListener("mouseover", function (e) {
      if (pinned) return;
      var el = e.target.closest("[data-sid]");
      if (el) show(el.getAttribute("data-sid"));
    });
    document.addEventListener("click", function (e) {
      if (!text.contains(e.target) && !e.target.closest("#statement-list, #event-cards, #statement-detail")) pinned = null;
    });
    text.addEventListener("click", function (e) {
      var el = e.target.closest("[data-sid]");
      pinned = el ? el.getAttribute("data-sid") : null;
      current = null;
      show(pinned);
      if (pinned) {
        var card = byData("data-card", pinned)[0];
        if (card) card.scrollIntoView({ block: "nearest" });
      }
    });
    function fromCard(e) {
      var goto = e.target.closest("[data-goto]");
      var card = goto ? byData("data-card", goto.getAttribute("data-goto"))[0] : e.target.closest("[data-card]");
      if (goto) e.preventDefault();
      if (!card || (e.target.closest("a") && !goto)) return;
      pinned = card.getAttribute("data-card");
      current = null;
      show(pinned);
      var first = byData("data-sid", pinned)[0];
      if (first) first.scrollIntoView({ block: "center" });
    }
    detail.addEventListener("click", fromCard);
    ["statement-list", "event-cards"].forEach(function (id) {
      var list = document.getElementById(id);
      if (!list) return;
      list.addEventListener("click", fromCard);
      list.addEventListener("keydown", function (e) {
        if (e.key === "Enter") fromCard(e);
      });
    });
    var m = /^#(statement|event)-(\d+)$/.exec(location.hash);
    if (m) {
      var card = document.getElementById(m[1] + "-" + m[2]);
      if (card) {
        pinned = card.getAttribute("data-card");
        show(pinned);
        var first = byData("data-sid", pinned)[0];
        if (m[1] === "event" && first) first.scrollIntoView({ block: "center" });
      }
    }
  }

  // Network: point at a node to light up its edges.
  function setupNetwork() {
    var svg = document.getElementById("network");
    if (!svg) return;
    svg.addEventListener("mouseover", function (e) {
      var node = e.target.closest("[data-node]");
      svg.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
      if (!node) { svg.classList.remove("focus"); return; }
      var id = node.getAttribute("data-node");
      svg.classList.add("focus");
      node.classList.add("lit");
      svg.querySelectorAll(".edge").forEach(function (edge) {
        var s = edge.getAttribute("data-source"), t = edge.getAttribute("data-target");
        if (s === id || t === id) {
          edge.classList.add("lit");
          byData("data-node", s === id ? t : s).forEach(function (n) { n.classList.add("lit"); });
        }
      });
    });
    svg.addEventListener("mouseleave", function () { svg.classList.remove("focus"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupArticle();
    setupNetwork();
  });
})();
