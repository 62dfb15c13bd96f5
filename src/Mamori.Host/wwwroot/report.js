// The report page's print button (a separate file: the page allows no inline script).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('report-print');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
});
