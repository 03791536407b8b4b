/* Ticking a filter shows the narrowed results at once: no hunting for "Show results" after
 * fourteen groups of checkboxes (issue 17). Without JavaScript the button still works. */
(function () {
  "use strict";
  /* The filters' form goes to "#results-heading": after it, focus starts at the new results,
   * not at the top of the page some thirty Tabs away (issue 17). */
  var heading = document.getElementById("results-heading");
  if (heading && window.location.hash === "#results-heading") {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
  var form = document.querySelector("form[data-apply-on-change]");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    if (event.target.type === "checkbox") { form.submit(); }
  });
})();
