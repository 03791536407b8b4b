/* "Copy link" beside the private edit link (templates/submit/thanks.html): shown only where
 * the browser lets a page write to the clipboard; the link itself stays selectable. */
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-link]");
  if (!button || !navigator.clipboard || !window.isSecureContext) { return; }
  var status = document.querySelector(".copy-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
      if (status) { status.textContent = button.getAttribute("data-copied"); }
    });
  });
})();
