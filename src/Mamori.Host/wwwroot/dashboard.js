// The dashboard's charts (/desk/dashboard): each canvas[data-chart] holds its figures as JSON, written by the server from
// the table below it (suppressed cells are null: a gap). Chart.js comes from /lib (npm, bundled at build). Without it,
// or without JavaScript, the tables alone say everything.
(function () {
  'use strict';
  if (!window.Chart) { return; }
  var palette = ['#1f5fa8', '#e07b39', '#3a9d5d', '#c0392b', '#7d5ba6', '#8c6d31', '#5d6d7e'];
  window.Chart.defaults.font.family = '"Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif';
  window.Chart.defaults.color = '#222';

  // Long names (a support measure's) on two or more lines instead of squeezing the bars on a phone.
  function wrap(label, chartWidth) {
    var width = chartWidth < 520 ? 9 : 22;
    var lines = [];
    for (var i = 0; i < label.length; i += width) { lines.push(label.slice(i, i + width)); }
    // A lone last character (「）」) stays on the line before instead of a line of its own.
    if (lines.length > 1 && lines[lines.length - 1].length < 2) { lines[lines.length - 2] += lines.pop(); }
    return lines.length > 1 ? lines : label;
  }

  // A list drawn down the page gets one band per name, as tall as its wrapped lines, so names never overlap.
  function heightFor(labels, chartWidth) {
    var lines = labels.reduce(function (sum, label) {
      var wrapped = wrap(label, chartWidth);
      return sum + (Array.isArray(wrapped) ? wrapped.length : 1);
    }, 0);
    return Math.max(160, lines * 15 + labels.length * 10 + 70) + 'px';
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec;
    try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
    var horizontal = spec.kind === 'horizontal';
    var stacked = spec.kind === 'stacked';
    var box = canvas.parentNode;
    // Heights are set through CSSOM, which the desk's CSP allows (it refuses style attributes).
    if (horizontal) { box.style.height = heightFor(spec.labels, box.clientWidth); }
    var count = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 }, title: { display: true, text: '会社数' } };
    var names = {
      stacked: stacked,
      ticks: {
        autoSkip: false,
        callback: function (value) {
          var label = this.getLabelForValue(value);
          return horizontal ? wrap(label, this.chart.width) : label;
        }
      }
    };
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return { label: s.name, data: s.values, backgroundColor: palette[i % palette.length] };
        })
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: count, y: names } : { x: names, y: count },
        plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
        onResize: function (chart, size) {
          var height = heightFor(spec.labels, size.width);
          if (horizontal && box.style.height !== height) { box.style.height = height; }
        }
      }
    });
  });
})();
