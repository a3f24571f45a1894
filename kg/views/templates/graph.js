/* newskg graph page. Data comes from the JSON block #kg-data; every text from it is set with
   textContent (never innerHTML), and vis-network shows string tooltips as plain text. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var loading = document.getElementById("loading");
  var panel = document.getElementById("panel");

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Counts and legend.
  var c = data.counts;
  var parts = [plural(c.actors, "actor")];
  if (data.view !== "pledges") parts.push(plural(c.statements, "statement"));
  parts.push(plural(c.pledges, "pledge"), plural(c.documents, "document"));
  document.getElementById("counts").textContent = parts.join(" \u00b7 ");
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var row = el("div");
    var swatch = el("span", null, "swatch " + item.shape);
    swatch.style.background = item.color;
    row.appendChild(swatch);
    row.appendChild(el("span", item.label));
    legend.appendChild(row);
  });

  // Relation filters: hide or show every edge of a relation.
  var filters = document.getElementById("filters");
  var shown = {};
  data.relations.forEach(function (relation) {
    shown[relation.name] = true;
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = relation.name;
    box.addEventListener("change", function () {
      shown[relation.name] = box.checked;
      edges.update(edges.get({ filter: function (e) { return e.relation === relation.name; } })
        .map(function (e) { return { id: e.id, hidden: !box.checked }; }));
    });
    var line = el("span", null, "swatch-line" + (relation.name === "recipient" || relation.name === "affiliatedWith" ? " dashed" : ""));
    line.style.borderTopColor = relation.color;
    label.appendChild(box);
    label.appendChild(line);
    label.appendChild(el("span", relation.label));
    filters.appendChild(label);
  });
  if (!data.relations.length) filters.style.display = "none";

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  // Stabilise the layout once, then switch physics off so large graphs stay responsive.
  network.on("stabilizationProgress", function (p) {
    loading.textContent = "Laying out the graph\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    loading.className = "done";
    network.fit();
    document.body.setAttribute("data-ready", "true");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  });

  // Side panel.
  function docLine(f) {
    var name = f.doc_title || f.doc_id || "";
    return f.doc_date && name ? name + " (" + f.doc_date + ")" : name;
  }

  function statementItem(f, who) {
    var li = el("li", null, "statement");
    li.appendChild(el("blockquote", "\u201c" + (f.quote || "") + "\u201d"));
    var meta = [who, f.cue, f.quote_type].filter(Boolean).join(" \u00b7 ");
    li.appendChild(el("p", meta, "meta"));
    if (f.position) li.appendChild(el("p", "Position: " + f.position, "meta"));
    li.appendChild(el("p", docLine(f), "meta"));
    if (f.sentence && f.sentence !== f.quote) li.appendChild(el("p", f.sentence, "sentence"));
    return li;
  }

  function pledgeItem(f) {
    var li = el("li", null, "pledge");
    var text = f.from + " \u2192 " + f.resource + (f.recipient_label ? " \u2192 " + f.recipient_label : "");
    li.appendChild(el("blockquote", text));
    li.appendChild(el("p", [f.status, f.amount_text].filter(Boolean).join(" \u00b7 "), "meta"));
    li.appendChild(el("p", docLine(f), "meta"));
    if (f.sentence) li.appendChild(el("p", f.sentence, "sentence"));
    return li;
  }

  function section(title, items, render) {
    if (!items || !items.length) return;
    panel.appendChild(el("h3", title + " (" + items.length + ")"));
    var list = el("ol");
    items.forEach(function (item) { list.appendChild(render(item)); });
    panel.appendChild(list);
  }

  function showNode(id) {
    var d = data.details[id];
    if (!d) return;
    panel.textContent = "";
    panel.setAttribute("data-node", id);
    panel.appendChild(el("h2", d.label));
    if (d.kind === "actor") {
      var about = [d.type].concat(d.roles || []);
      if (d.country_code) about.push(d.country_code);
      panel.appendChild(el("p", about.join(" \u00b7 "), "meta"));
      if (d.affiliation_labels && d.affiliation_labels.length) {
        panel.appendChild(el("p", "Affiliated with " + d.affiliation_labels.join(", "), "meta"));
      }
      if (d.aliases && d.aliases.length) panel.appendChild(el("p", "Also named: " + d.aliases.join("; "), "meta"));
      if (d.documents && d.documents.length) panel.appendChild(el("p", "Mentioned in: " + d.documents.join(", "), "meta"));
      section("Statements", d.statements, function (f) { return statementItem(f, null); });
      section("Pledges", d.pledges, pledgeItem);
      section("Pledges received", d.received, pledgeItem);
      if (!d.statements.length && !d.pledges.length && !d.received.length) {
        panel.appendChild(el("p", "No statements or pledges found for this actor.", "hint"));
      }
    } else {
      var kindName = { position: "Position", resource: "Pledged resource", statement: "Statement" }[d.kind] || d.kind;
      panel.appendChild(el("p", kindName + (d.topics && d.topics.length ? " \u00b7 " + d.topics.join(", ") : ""), "meta"));
      section("Stated by", d.statements, function (f) { return statementItem(f, f.from); });
      section("Pledges", d.pledges, pledgeItem);
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
  });

  // Search by name or alias: exact match first, then prefix, then substring; actors before other nodes.
  var names = document.getElementById("search-names");
  var seen = {};
  data.search.forEach(function (entry) {
    if (!entry.actor) return;
    entry.names.forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      names.appendChild(el("option", null)).value = name;
    });
  });

  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n === q; },
      function (n) { return n.indexOf(q) === 0; },
      function (n) { return n.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < data.search.length; i++) {
        var entry = data.search[i];
        if (entry.names.some(function (n) { return tests[t](n.toLowerCase()); })) return entry.id;
      }
    }
    return null;
  }

  var status = document.getElementById("search-status");
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }

  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("search-input").value;
    var id = find(query);
    status.textContent = id || !query.trim() ? "" : "No match";
    if (id) focusNode(id);
  });

  // A link ending in #find=NAME opens the page focused on that actor.
  function findFromHash() {
    var match = /^#find=(.+)$/.exec(window.location.hash);
    if (!match) return;
    var query = decodeURIComponent(match[1]);
    document.getElementById("search-input").value = query;
    var id = find(query);
    status.textContent = id ? "" : "No match";
    if (id) focusNode(id);
  }
  network.once("stabilizationIterationsDone", findFromHash);
  window.addEventListener("hashchange", findFromHash);

  // A handle for notebooks and browser tests.
  window.kgView = { network: network, nodes: nodes, edges: edges, data: data, find: find, focus: focusNode, show: showNode };
})();
