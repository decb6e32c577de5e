// The emulation page's chart: total points per agency as horizontal bars (Chart.js, vendored).
// Data come from the canvas's data-chart attribute (no inline script: the CSP forbids it).
(function () {
  "use strict";
  function draw() {
    var canvas = document.getElementById("emulation-chart");
    if (!canvas || typeof Chart === "undefined") { return; }
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var chart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: data.label,
          data: data.values,
          backgroundColor: "#1f5fa8",
          borderWidth: 0
        }]
      },
      options: {
        indexAxis: "y",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, suggestedMax: 100 } },
        plugins: { legend: { display: false } }
      }
    });
    canvas.setAttribute("data-drawn", "1");
    window.addEventListener("beforeprint", function () { chart.resize(); });
    window.addEventListener("afterprint", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
