/* The large-print page's Print button: shown only where a script can press the browser's
 * own Print (without JavaScript the browser's menu still prints the page). */
(function () {
  "use strict";
  var button = document.querySelector("[data-print]");
  if (!button || !window.print) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
