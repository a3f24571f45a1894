/* newskg views (graph, pledges, network). Data comes from the JSON block #kg-data; every text from it
   is set with textContent (never innerHTML), and vis-network shows string tooltips as plain text.
   Positions are precomputed, so physics stays off and the first frame is the final layout. */
(function () {
  "use strict";

  // performance marks: where the load time goes (read by bench/html_load.py)
  performance.mark("script");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("parsed");
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var facts = data.facts || [];
  var relationStyle = {};
  data.relations.forEach(function (r) { relationStyle[r.name] = r; });

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function clip(text, width) {
    text = String(text || "").replace(/\s+/g, " ").trim();
    return text.length <= width ? text : text.slice(0, width - 1) + "\u2026";
  }
  function label(id) { return byId[id] ? byId[id].label : ""; }
  function docName(index) {
    var d = data.documents[index];
    if (!d) return "";
    var name = d.title || d.id || "";
    return d.date ? name + " (" + d.date + ")" : name;
  }
  function topicNames(list) { return (list || []).map(function (t) { return data.topics[t]; }).join(", "); }

  // Tooltips: plain strings (vis-network sets them with innerText).
  function factTooltip(f) {
    var lines;
    if (f.kind === "statement") {
      var head = label(f.speaker) + " \u2014 " + (f.cue || "said") + (f.quote_type ? " (" + f.quote_type + ")" : "");
      lines = [head + ":", "\u201c" + clip(f.quote, 300) + "\u201d"];
      if (f.position && f.position !== f.quote) lines.push("Position: " + f.position);
      if (f.stance) lines.push("Stance: " + f.stance);
      if (f.topics) lines.push("Topic: " + topicNames(f.topics));
    } else {
      lines = [(f.pledger ? label(f.pledger) : f.pledger_label || "") + " \u2014 " + (f.status || "pledged") + ": " + (f.resource || "")];
      if (f.amount) lines.push("Amount: " + f.amount);
      if (f.recipient_label) lines.push("To: " + f.recipient_label);
      if (f.cue) lines.push("Cue: " + f.cue);
    }
    if (f.doc !== undefined) lines.push(docName(f.doc));
    return lines.join("\n");
  }
  function edgeTooltip(e) {
    if (e.fact !== undefined) return factTooltip(facts[e.fact]);
    if (e.relation === "affiliatedWith") return label(e.from) + " is affiliated with " + label(e.to);
    if (e.weight !== undefined) {
      var lines = [label(e.from) + " and " + label(e.to),
        "Named together in " + plural(e.weight, "document") + (e.quoted ? ", both quoted in " + e.quoted : "")];
      (e.docs || []).slice(0, 5).forEach(function (d) { lines.push("\u2022 " + docName(d)); });
      if ((e.docs || []).length > 5) lines.push("\u2026 and " + (e.docs.length - 5) + " more");
      return lines.join("\n");
    }
    return (relationStyle[e.relation] || {}).label || e.relation;
  }
  function nodeTooltip(n) {
    if (n.kind === "actor") {
      var lines = [n.label, [n.type].concat(n.roles || []).join(" \u00b7 ")];
      if (n.affiliation_labels) lines.push("Affiliated with " + n.affiliation_labels.join(", "));
      lines.push(plural(n.statements || 0, "statement") + ", " + plural(n.pledges || 0, "pledge"));
      if (n.community !== undefined && data.communities) lines.push("Community: " + data.communities[n.community].name);
      return lines.join("\n");
    }
    if (n.kind === "resource") return n.label + "\nPledged resource \u00b7 " + plural((n.about || []).length, "pledge");
    var text = n.kind === "statement" ? "\u201c" + n.label + "\u201d" : n.label;
    if (n.topics) text += "\nTopic: " + topicNames(n.topics);
    if (n.stance) text += "\nStance: " + n.stance;
    return text;
  }

  // vis items built from the compact data: style by group (nodes) or relation (edges).
  // On large graphs the labels of positions and resources are set once the view is zoomed in far
  // enough to read them: measuring thousands of labels is a third of the first frame's cost.
  var lazyLabels = !!data.lazy_labels;
  function shortLabel(n) { return n.kind === "actor" ? n.label : clip(n.label, 40); }
  var visNodes = data.nodes.map(function (n) {
    var text = lazyLabels && n.kind !== "actor" ? undefined : shortLabel(n);
    var item = { id: n.id, label: text, group: n.group, x: n.x, y: n.y, title: nodeTooltip(n) };
    if (n.size) item.size = n.size;
    if (n.color) item.color = n.color;
    return item;
  });
  var visEdges = data.edges.map(function (e) {
    var style = relationStyle[e.relation] || {};
    var item = { id: e.id, from: e.from, to: e.to, title: edgeTooltip(e), color: style.color, width: e.width || style.width || 1 };
    if (style.dashes) item.dashes = true;
    if (data.arrows.indexOf(e.relation) >= 0) item.arrows = "to";
    if (e.label) item.label = e.label;
    return item;
  });
  performance.mark("items");
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var container = document.getElementById("graph");
  var panel = document.getElementById("panel");
  var options = data.options;
  options.groups = data.groups;
  performance.mark("datasets");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  performance.mark("network");
  network.fit({ animation: false });
  if (lazyLabels) {
    network.on("afterDrawing", function () {
      if (!lazyLabels || network.getScale() < 0.3) return;
      lazyLabels = false;
      nodes.update(data.nodes.filter(function (n) { return n.kind !== "actor"; })
        .map(function (n) { return { id: n.id, label: shortLabel(n) }; }));
    });
  }
  function ready() {
    performance.mark("drawn");
    var loading = document.getElementById("loading");
    if (data.nodes.length) loading.className = "done";
    else loading.textContent = "Nothing to show: this graph has no actors yet.";
    document.body.setAttribute("data-ready", "true");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    findFromHash();
  }
  if (options.physics && options.physics.enabled) {
    // only when a caller asks for in-browser physics: stabilise once, then stop
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
  }

  // Counts, legend.
  var c = data.counts, parts = [];
  if (data.view === "network") {
    parts = [plural(c.actors, "actor"), plural(c.links, "link"), plural(c.communities, "community").replace("communitys", "communities")];
  } else {
    parts.push(plural(c.actors, "actor"));
    if (data.view === "graph") parts.push(plural(c.statements, "statement"));
    parts.push(plural(c.pledges, "pledge"), plural(c.documents, "document"));
  }
  document.getElementById("counts").textContent = parts.join(" \u00b7 ");
  var legend = document.getElementById("legend");
  var legendItems = document.getElementById("legend-items");
  data.legend.forEach(function (item) {
    var row = el("div");
    var swatch = el("span", null, "swatch " + item.shape);
    swatch.style.background = item.color;
    row.appendChild(swatch);
    row.appendChild(el("span", item.label));
    legendItems.appendChild(row);
  });
  if (data.columns) {
    // column headings follow the view as it pans and zooms
    var heads = document.getElementById("columns");
    var headings = data.columns.map(function (column) { return heads.appendChild(el("span", column.label)); });
    network.on("afterDrawing", function () {
      data.columns.forEach(function (column, i) {
        headings[i].style.left = network.canvasToDOM({ x: column.x, y: 0 }).x + "px";
      });
    });
  }

  // Filters. Every change recomputes which nodes and edges show, then updates only what changed.
  var state = { relations: {}, types: {}, doc: "", topic: "", community: "", quiet: true, focus: null, size: 0 };
  var adjacency = {};
  data.nodes.forEach(function (n) { adjacency[n.id] = []; });
  data.edges.forEach(function (e) { adjacency[e.from].push(e.to); adjacency[e.to].push(e.from); });
  var focusSet = null;

  function neighbourhood(id) {
    // the node, its neighbours, and what lies behind a non-actor neighbour (the other speakers of a
    // position, the recipient of a pledged resource)
    var set = {};
    set[id] = true;
    adjacency[id].forEach(function (m) {
      set[m] = true;
      if (byId[m].kind !== "actor") adjacency[m].forEach(function (k) { set[k] = true; });
    });
    return set;
  }

  function nodeAllowed(n) {
    if (n.kind === "actor") {
      if (state.types[n.type] === false) return false;
      if (!state.quiet && !(n.said || n.pledged || n.received)) return false;
    }
    if (state.community !== "" && n.community !== Number(state.community)) return false;
    if (focusSet && !focusSet[n.id]) return false;
    return true;
  }

  // Links that come from documents (statements, pledges, co-mentions) decide which nodes stay;
  // the others (affiliations) show when both their ends do.
  function documented(e) { return e.fact !== undefined || e.docs !== undefined; }

  function edgeAllowed(e) {
    if (state.relations[e.relation] === false) return false;
    if (state.doc !== "" && (!e.docs || e.docs.indexOf(Number(state.doc)) < 0)) return false;
    if (state.topic !== "" && (!e.topics || e.topics.indexOf(Number(state.topic)) < 0)) return false;
    return true;
  }

  var hiddenNodes = {}, hiddenEdges = {};
  function applyFilters() {
    var allowed = {}, linked = {}, visibleEdge = {};
    var narrowed = state.doc !== "" || state.topic !== "";
    data.nodes.forEach(function (n) { allowed[n.id] = nodeAllowed(n); });
    data.edges.forEach(function (e) {
      if (!documented(e)) return;
      var show = allowed[e.from] && allowed[e.to] && edgeAllowed(e);
      visibleEdge[e.id] = show;
      if (show) { linked[e.from] = true; linked[e.to] = true; }
    });
    var show = {};
    data.nodes.forEach(function (n) {
      var ok = allowed[n.id];
      if (ok && n.kind !== "actor") ok = !!linked[n.id];
      else if (ok && narrowed) {
        ok = !!linked[n.id] || (state.topic === "" && (n.docs || []).indexOf(Number(state.doc)) >= 0);
      }
      show[n.id] = ok;
    });
    data.edges.forEach(function (e) {
      if (visibleEdge[e.id] === undefined) {
        visibleEdge[e.id] = show[e.from] && show[e.to] && state.relations[e.relation] !== false;
      } else {
        visibleEdge[e.id] = visibleEdge[e.id] && show[e.from] && show[e.to];
      }
    });
    var nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var hidden = !show[n.id];
      if (!!hiddenNodes[n.id] !== hidden) { hiddenNodes[n.id] = hidden; nodeChanges.push({ id: n.id, hidden: hidden }); }
    });
    data.edges.forEach(function (e) {
      var hidden = !visibleEdge[e.id];
      if (!!hiddenEdges[e.id] !== hidden) { hiddenEdges[e.id] = hidden; edgeChanges.push({ id: e.id, hidden: hidden }); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    var shown = data.nodes.length - Object.keys(hiddenNodes).filter(function (k) { return hiddenNodes[k]; }).length;
    document.getElementById("shown").textContent = shown === data.nodes.length ? "" : "showing " + shown + " of " + data.nodes.length;
    var banner = document.getElementById("focus-banner");
    banner.hidden = !state.focus;
    if (state.focus) document.getElementById("focus-name").textContent = label(state.focus);
    document.body.setAttribute("data-filtered", String(shown !== data.nodes.length));
  }

  function checkbox(parent, name, text, color, onChange, dashed) {
    var wrap = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = name;
    box.addEventListener("change", function () { onChange(box.checked); });
    wrap.appendChild(box);
    if (color) {
      var swatch = el("span", null, dashed === undefined ? "swatch dot" : "swatch-line" + (dashed ? " dashed" : ""));
      if (dashed === undefined) swatch.style.background = color; else swatch.style.borderTopColor = color;
      wrap.appendChild(swatch);
    }
    wrap.appendChild(el("span", text));
    parent.appendChild(wrap);
    return box;
  }

  var relBox = document.getElementById("f-relations");
  data.relations.forEach(function (r) {
    state.relations[r.name] = true;
    checkbox(relBox, r.name, r.label, r.color, function (on) { state.relations[r.name] = on; applyFilters(); }, !!r.dashes);
  });
  var typeBox = document.getElementById("f-types");
  data.types.forEach(function (t) {
    state.types[t.name] = true;
    checkbox(typeBox, t.name, t.name, data.view === "network" ? null : t.color, function (on) { state.types[t.name] = on; applyFilters(); });
  });
  relBox.hidden = !data.relations.length;
  typeBox.hidden = !data.types.length;
  legend.hidden = !data.legend.length;
  var quietCount = data.nodes.filter(function (n) { return n.kind === "actor" && !(n.said || n.pledged || n.received); }).length;
  if (data.view === "graph" && quietCount) {
    var quiet = checkbox(typeBox, "quiet", "named only (" + quietCount + ")", null, function (on) { state.quiet = on; applyFilters(); });
    quiet.title = "Actors with no statement or pledge of their own";
  }

  function fillSelect(id, all, entries, key) {
    var select = document.getElementById(id);
    if (entries.length < 2 || (data.filters || []).indexOf(key) < 0) { select.parentNode.hidden = true; return; }
    select.appendChild(el("option", all)).value = "";
    entries.forEach(function (entry) { select.appendChild(el("option", entry[1])).value = String(entry[0]); });
    select.addEventListener("change", function () {
      state[key] = select.value;
      applyFilters();
      network.fit({ animation: false });  // frame what is left
    });
  }
  fillSelect("f-doc", "All documents", data.documents.map(function (d, i) { return [i, clip(docName(i), 70)]; }), "doc");
  fillSelect("f-topic", "All topics", data.topics.map(function (t, i) { return [i, t]; })
    .sort(function (a, b) { return a[1].localeCompare(b[1]); }), "topic");
  fillSelect("f-community", "All communities", (data.communities || []).filter(function (cm) { return cm.size > 1; })
    .map(function (cm) { return [cm.index, cm.name + " (" + cm.size + ")"]; }), "community");

  var sizeSelect = document.getElementById("f-size");
  if (data.sizes && data.sizes.length > 1 && (data.filters || []).indexOf("size") >= 0) {
    data.sizes.forEach(function (name, i) { sizeSelect.appendChild(el("option", name)).value = String(i); });
    sizeSelect.addEventListener("change", function () {
      state.size = Number(sizeSelect.value);
      nodes.update(data.nodes.filter(function (n) { return n.sizes; })
        .map(function (n) { return { id: n.id, size: n.sizes[state.size] }; }));
    });
  } else {
    sizeSelect.parentNode.hidden = true;
  }

  function setFocus(id) {
    state.focus = id;
    focusSet = id ? neighbourhood(id) : null;
    applyFilters();
    if (id) network.fit({ nodes: Object.keys(focusSet).filter(function (k) { return !hiddenNodes[k]; }), animation: false });
    else network.fit({ animation: false });
  }
  document.getElementById("focus-clear").addEventListener("click", function () { setFocus(null); });

  function resetFilters() {
    Array.prototype.forEach.call(document.querySelectorAll("#controls input[type=checkbox]"), function (box) { box.checked = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#controls select.filter"), function (s) { s.value = ""; });
    Object.keys(state.relations).forEach(function (k) { state.relations[k] = true; });
    Object.keys(state.types).forEach(function (k) { state.types[k] = true; });
    state.doc = state.topic = state.community = "";
    state.quiet = true;
    setFocus(null);
  }
  document.getElementById("reset").addEventListener("click", resetFilters);

  // Side panel.
  function factItem(index, who) {
    var f = facts[index];
    var li = el("li", null, f.kind);
    if (f.kind === "statement") {
      li.appendChild(el("blockquote", "\u201c" + (f.quote || "") + "\u201d"));
      li.appendChild(el("p", [who ? label(f.speaker) : null, f.cue, f.quote_type, f.stance].filter(Boolean).join(" \u00b7 "), "meta"));
      if (f.position && f.position !== f.quote) li.appendChild(el("p", "Position: " + f.position, "meta"));
      if (f.topics) li.appendChild(el("p", "Topic: " + topicNames(f.topics), "meta"));
    } else {
      var pledger = f.pledger ? label(f.pledger) : f.pledger_label;
      li.appendChild(el("blockquote", pledger + " \u2192 " + (f.resource || "") + (f.recipient_label ? " \u2192 " + f.recipient_label : "")));
      li.appendChild(el("p", [f.status, f.amount, f.cue].filter(Boolean).join(" \u00b7 "), "meta"));
    }
    if (f.doc !== undefined) li.appendChild(el("p", docName(f.doc), "meta doc"));
    if (f.sentence && f.sentence !== f.quote) li.appendChild(el("p", f.sentence, "sentence"));
    return li;
  }

  function section(title, items, render) {
    if (!items || !items.length) return;
    panel.appendChild(el("h3", title + " (" + items.length + ")"));
    var list = el("ol");
    list.setAttribute("data-section", title);
    items.forEach(function (item) { list.appendChild(render(item)); });
    panel.appendChild(list);
  }

  function nodeButton(id, text) {
    var button = el("button", text || label(id), "link");
    button.type = "button";
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }

  function showNode(id) {
    var d = byId[id];
    if (!d) return;
    panel.textContent = "";
    panel.setAttribute("data-node", id);
    panel.appendChild(el("h2", d.label));
    if (d.kind === "actor") {
      var about = [d.type].concat(d.roles || []);
      if (d.country_code) about.push(d.country_code);
      panel.appendChild(el("p", about.join(" \u00b7 "), "meta"));
      if (d.affiliations && d.affiliations.length) {
        var aff = el("p", "Affiliated with ", "meta");
        d.affiliations.forEach(function (a, i) { if (i) aff.appendChild(document.createTextNode(", ")); aff.appendChild(nodeButton(a)); });
        panel.appendChild(aff);
      } else if (d.affiliation_labels) {
        panel.appendChild(el("p", "Affiliated with " + d.affiliation_labels.join(", "), "meta"));
      }
      if (d.aliases) panel.appendChild(el("p", "Also named: " + d.aliases.join("; "), "meta"));
      if (d.docs) {
        panel.appendChild(el("p", "Named in " + plural(d.docs.length, "document") + ":", "meta"));
        var named = el("ul", null, "docs");
        d.docs.forEach(function (i) { named.appendChild(el("li", clip(docName(i), 90))); });
        panel.appendChild(named);
      }
      if (d.community !== undefined && data.communities) {
        panel.appendChild(el("p", "Community: " + data.communities[d.community].name + " \u00b7 centrality " + d.centrality.toFixed(3), "meta"));
      }
      var focus = el("button", "Show only this neighbourhood", "action");
      focus.type = "button";
      focus.id = "focus-button";
      focus.addEventListener("click", function () { setFocus(id); });
      panel.appendChild(focus);
      section("Statements", d.said, function (i) { return factItem(i, false); });
      section("Pledges", d.pledged, function (i) { return factItem(i, false); });
      section("Pledges received", d.received, function (i) { return factItem(i, false); });
      if (data.view === "network") {
        var partners = data.edges.filter(function (e) { return e.from === id || e.to === id; })
          .sort(function (a, b) { return b.weight - a.weight || b.quoted - a.quoted; }).slice(0, 15);
        section("Named most often with", partners, function (e) {
          var li = el("li");
          li.appendChild(nodeButton(e.from === id ? e.to : e.from));
          li.appendChild(el("span", " " + plural(e.weight, "document") + (e.quoted ? ", both quoted in " + e.quoted : ""), "meta"));
          return li;
        });
      }
      if (!d.said && !d.pledged && !d.received && data.view !== "network") {
        panel.appendChild(el("p", "No statements or pledges found for this actor.", "hint"));
      }
    } else {
      var kindName = { position: "Position", resource: "Pledged resource", statement: "Statement" }[d.kind] || d.kind;
      panel.appendChild(el("p", [kindName, topicNames(d.topics), d.stance].filter(Boolean).join(" \u00b7 "), "meta"));
      var about2 = d.about || [];
      section(d.kind === "resource" ? "Pledges" : "Stated by", about2, function (i) { return factItem(i, true); });
    }
  }

  function showEdge(id) {
    var e = data.edges.filter(function (x) { return x.id === id; })[0];
    if (!e) return;
    panel.textContent = "";
    panel.setAttribute("data-edge", id);
    panel.removeAttribute("data-node");
    var head = el("h2");
    head.appendChild(nodeButton(e.from));
    head.appendChild(document.createTextNode(" \u2192 "));
    head.appendChild(nodeButton(e.to));
    panel.appendChild(head);
    if (e.fact !== undefined) {
      var list = el("ol");
      list.appendChild(factItem(e.fact, true));
      panel.appendChild(list);
    } else {
      panel.appendChild(el("p", edgeTooltip(e), "meta pre"));
    }
  }

  function overview() {
    panel.textContent = "";
    panel.removeAttribute("data-node");
    var hints = {
      graph: "Click an actor to see what they said and pledged; hover over a line for the quote.",
      pledges: "Pledgers on the left, what they pledged in the middle, recipients on the right. Hover over a line for the amount.",
      network: "Actors named in the same stories are linked; colours are communities. Click an actor for details."
    };
    panel.appendChild(el("p", hints[data.view], "hint"));
    if (data.view === "pledges") {
      var all = facts.map(function (f, i) { return i; });
      all.sort(function (a, b) { return label(facts[a].pledger).localeCompare(label(facts[b].pledger)); });
      section("All pledges", all, function (i) { return factItem(i, false); });
      return;
    }
    if (data.view === "network") {
      section("Communities", (data.communities || []).filter(function (cm) { return cm.size > 1; }).slice(0, 20), function (cm) {
        var li = el("li");
        var swatch = el("span", null, "swatch dot");
        swatch.style.background = cm.color;
        li.appendChild(swatch);
        li.appendChild(el("span", " " + cm.size + " actors around "));
        var centre = data.nodes.filter(function (n) { return n.community === cm.index && n.label === cm.name; })[0];
        li.appendChild(centre ? nodeButton(centre.id) : el("span", cm.name));
        return li;
      });
      return;
    }
    var speakers = data.nodes.filter(function (n) { return n.said; })
      .sort(function (a, b) { return b.said.length - a.said.length || a.label.localeCompare(b.label); }).slice(0, 12);
    section("Most quoted", speakers, function (n) {
      var li = el("li");
      li.appendChild(nodeButton(n.id));
      li.appendChild(el("span", " " + plural(n.said.length, "statement"), "meta"));
      return li;
    });
  }
  overview();

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  // Search by name or alias: exact match first, then prefix, then substring; actors before other nodes.
  var searchable = data.nodes.map(function (n) {
    return { id: n.id, actor: n.kind === "actor", names: [n.label].concat(n.aliases || []).map(function (s) { return s.toLowerCase(); }) };
  }).sort(function (a, b) { return (b.actor - a.actor) || a.names[0].localeCompare(b.names[0]); });
  var names = document.getElementById("search-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    if (n.kind !== "actor") return;
    [n.label].concat(n.aliases || []).forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      names.appendChild(el("option")).value = name;
    });
  });

  function find(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n === q; },
      function (n) { return n.indexOf(q) === 0; },
      function (n) { return n.indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < searchable.length; i++) {
        if (searchable[i].names.some(tests[t])) return searchable[i].id;
      }
    }
    return null;
  }

  var status = document.getElementById("search-status");
  function focusNode(id) {
    if (hiddenNodes[id]) { resetFilters(); status.textContent = "Filters cleared to show " + label(id); }
    network.selectNodes([id]);
    network.moveTo({ position: network.getPosition(id), scale: Math.max(network.getScale(), 1.0), animation: false });
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
  window.addEventListener("hashchange", findFromHash);

  applyFilters();

  // A handle for notebooks and browser tests.
  window.kgView = {
    network: network, nodes: nodes, edges: edges, data: data, state: state,
    find: find, focus: focusNode, show: showNode, neighbourhood: setFocus, reset: resetFilters,
    visibleNodeIds: function () { return network.body.nodeIndices.slice(); },
    visibleEdgeIds: function () { return network.body.edgeIndices.slice(); }
  };
})();
