// The indicator page's chart: figure per period and the target line (Chart.js, vendored).
// Data come from the canvas's data-chart attribute (no inline script: the CSP forbids it).
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("indicator-chart");
    if (!canvas || typeof Chart === "undefined") { return; }
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var percent = data.unit === "%";
    var datasets = [{
      label: data.valueLabel,
      data: data.values,
      borderColor: "#1f5fa8",
      backgroundColor: "#1f5fa8",
      borderWidth: 3,
      pointRadius: 4,
      spanGaps: true
    }];
    if (data.target !== null) {
      datasets.push({
        label: data.targetLabel,
        data: data.labels.map(function () { return data.target; }),
        borderColor: "#b3261e",
        borderDash: [8, 5],
        borderWidth: 2,
        pointRadius: 0
      });
    }
    var chart = new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: {
            beginAtZero: true,
            suggestedMax: percent ? 100 : undefined,
            ticks: { callback: function (v) { return percent ? v + "%" : v; } }
          }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.setAttribute("data-drawn", "1");
    // printed pages: redraw at the paper's width so the lines stay sharp
    window.addEventListener("beforeprint", function () { chart.resize(); });
    window.addEventListener("afterprint", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
