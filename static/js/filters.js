/* Ticking a filter shows the narrowed results at once: no hunting for "Show results" after
 * fourteen groups of checkboxes (issue 17). Without JavaScript the button still works. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-apply-on-change]");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") { form.submit(); }
  });
})();
