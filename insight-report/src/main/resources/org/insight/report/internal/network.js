// Turns each network figure of an INSIGHT product into an interactive chart (Cytoscape.js, inlined above): pan, zoom,
// and a click on a node or an edge shows its evidence. The data sits in a JSON block next to the figure; everything
// is shown with textContent, never parsed as HTML. Without script the inline SVG drawing stays in place.
(function () {
  'use strict';
  if (typeof cytoscape !== 'function') {
    return;
  }
  var colours = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  var blocks = document.querySelectorAll('script[type="application/json"][data-network]');
  Array.prototype.forEach.call(blocks, function (block) {
    var box = document.getElementById(block.getAttribute('data-network'));
    var panel = document.getElementById(block.getAttribute('data-evidence'));
    if (!box || !panel) {
      return;
    }
    var data = JSON.parse(block.textContent);
    var types = {};
    var elements = [];
    // a clicked item's row of the product's Nodes or Edges table, as "column: value" lines
    function row(tableId, index) {
      var table = tableId && document.getElementById(tableId);
      if (!table) {
        return null;
      }
      var head = table.tHead.rows[0].cells;
      var cells = table.tBodies[0].rows[index].cells;
      var lines = [];
      for (var k = 0; k < cells.length; k++) {
        if (cells[k].textContent) {
          lines.push(head[k].textContent + ': ' + cells[k].textContent);
        }
      }
      return lines;
    }
    data.nodes.forEach(function (n, i) {
      if (!Object.prototype.hasOwnProperty.call(types, n.type)) {
        types[n.type] = colours[Object.keys(types).length % colours.length];
      }
      elements.push({group: 'nodes', data: {id: n.id, caption: n.caption, type: n.type, label: n.label,
        members: n.members || [], colour: types[n.type], centre: n.centre ? 1 : 0, index: i},
        position: {x: n.x, y: n.y}});
    });
    data.edges.forEach(function (e, i) {
      elements.push({group: 'edges', data: {id: 'e' + i, source: e.s, target: e.t, kind: e.kind, type: e.type,
        value: e.value || '', count: e.count, start: e.start || '', end: e.end || e.start || '',
        statements: e.statements || [], documents: e.documents || [], more: e.more || 0, label: e.label, index: i}});
    });
    // a big network shows its captions only when zoomed in (the centre's always), and lighter edges
    var many = data.nodes.length > 150;
    box.textContent = '';
    box.className += ' live';
    var cy = cytoscape({
      container: box,
      elements: elements,
      layout: {name: 'preset', fit: true, padding: 20},
      minZoom: 0.05,
      maxZoom: 8,
      style: [
        {selector: 'node', style: {'background-color': 'data(colour)', 'label': 'data(caption)', 'font-size': 10,
          'min-zoomed-font-size': many ? 14 : 7, 'width': 14, 'height': 14, 'text-valign': 'bottom', 'text-margin-y': 3,
          'text-max-width': 120, 'text-wrap': 'ellipsis'}},
        {selector: 'node[centre = 1]', style: {'width': 26, 'height': 26, 'border-width': 3, 'border-color': '#222',
          'font-size': 14, 'font-weight': 'bold', 'min-zoomed-font-size': 0}},
        {selector: 'edge', style: {'width': many ? 1 : 1.5, 'line-color': '#999', 'curve-style': 'haystack',
          'opacity': many ? 0.35 : 0.8}},
        {selector: 'edge[kind = "SHARED_IDENTIFIER"]', style: {'line-style': 'dashed'}},
        {selector: 'edge[kind = "CO_MENTION"]', style: {'line-style': 'dotted'}},
        {selector: 'edge[kind = "SAME_AS"]', style: {'width': 4, 'line-color': '#555'}},
        {selector: ':selected', style: {'line-color': '#d62728', 'background-color': '#d62728'}}
      ]
    });
    cy.on('tap', 'node', function (event) {
      var d = event.target.data();
      var lines = row(data.nodesTable, d.index) || ['id: ' + d.id, 'type: ' + d.type,
        'records: ' + d.members.join(' '), 'label: ' + d.label];
      panel.textContent = [d.caption].concat(lines, ['edges: ' + event.target.connectedEdges().length]).join('\n');
    });
    cy.on('tap', 'edge', function (event) {
      var d = event.target.data();
      var linked = row(data.edgesTable, d.index);
      if (linked) {
        panel.textContent = linked.join('\n');
        return;
      }
      var lines = [d.kind + ' ' + d.type + (d.value ? ' (' + d.value + ')' : ''), d.source + ' – ' + d.target,
        'evidence: ' + d.count + (d.start ? ', ' + d.start + (d.end && d.end !== d.start ? ' to ' + d.end : '') : ''),
        'label: ' + d.label];
      if (d.statements.length) {
        lines.push('statements: ' + d.statements.join(' '));
      }
      if (d.documents.length) {
        lines.push('documents: ' + d.documents.join(' '));
      }
      if (d.more) {
        lines.push('… and ' + d.more + ' more (see the Edges table)');
      }
      panel.textContent = lines.join('\n');
    });
    box.insightChart = cy; // for a test or a console: the chart of this box
    box.setAttribute('data-ready', String(cy.nodes().length));
  });
})();
