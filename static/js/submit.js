/* Progressive enhancement for the listing form (templates/submit/form.html).
 * Without this script the form is one long page of seven fieldsets and works as is.
 * With it: one step at a time with Back / Next, required answers checked before moving
 * on, the "once a month" choice shown only when it applies, and a map to pick the place. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-steps]");
  if (!form) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll("fieldset.step"));
  var actions = form.querySelector(".form-actions");
  var labels = { back: "\u2190", next: "\u2192" };
  var hasErrors = !!document.getElementById("error-summary");
  var current = 0;

  function stepWithFirstError() {
    for (var i = 0; i < steps.length; i++) { if (steps[i].querySelector(".has-error")) { return i; } }
    return 0;
  }

  function show(index) {
    current = index;
    steps.forEach(function (step, i) { step.hidden = i !== index; });
    actions.hidden = index !== steps.length - 1;
    nav.back.hidden = index === 0;
    nav.next.hidden = index === steps.length - 1;
  }

  function missingRequired(step) {
    var fields = step.querySelectorAll("input[required], select[required], textarea[required]");
    for (var i = 0; i < fields.length; i++) { if (!fields[i].value.trim()) { return fields[i]; } }
    return null;
  }

  function button(text, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button " + className;
    element.textContent = text;
    return element;
  }

  var nav = document.createElement("div");
  nav.className = "step-nav";
  nav.back = button(labels.back + " " + (form.getAttribute("data-back") || "Back"), "button-secondary");
  nav.next = button((form.getAttribute("data-next") || "Next") + " " + labels.next, "");
  nav.appendChild(nav.back);
  nav.appendChild(nav.next);
  form.insertBefore(nav, actions);
  form.classList.add("js-steps");

  function goNext() {
    var missing = missingRequired(steps[current]);
    if (missing) { missing.focus(); missing.reportValidity && missing.reportValidity(); return; }
    show(current + 1);
    steps[current].querySelector("legend").scrollIntoView();
    var first = steps[current].querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus({ preventScroll: true }); }
  }
  nav.next.addEventListener("click", goNext);
  nav.back.addEventListener("click", function () { show(current - 1); });

  /* Enter in a field means "next step" until the last one: the browser would otherwise
   * submit the whole form and come back with errors for steps not yet reached. */
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || event.isComposing || current === steps.length - 1) { return; }
    if (target.tagName !== "INPUT" || /^(button|submit|reset|file)$/.test(target.type)) { return; }
    event.preventDefault();
    goNext();
  });

  /* A link in the error summary to a field on a hidden step opens that step, then focuses
   * the field (for a group of radio buttons or checkboxes: its first one). */
  function openField(id) {
    var target = id && document.getElementById(id);
    if (!target || !form.contains(target)) { return false; }
    var step = target.closest("fieldset.step");
    if (step) { show(steps.indexOf(step)); }
    var focusable = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
    (focusable || target).focus();
    target.scrollIntoView({ block: "center" });
    return true;
  }
  if (hasErrors) {
    document.getElementById("error-summary").addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (link && openField(decodeURIComponent(link.getAttribute("href").slice(1)))) { event.preventDefault(); }
    });
  }
  show(hasErrors ? stepWithFirstError() : 0);
  if (hasErrors) { document.getElementById("error-summary").focus(); }

  /* "Which one in the month" only matters for monthly sessions. */
  var weekOfMonth = form.querySelector("[name=week_of_month]");
  function syncPattern() {
    var monthly = form.querySelector("[name=pattern]:checked");
    if (weekOfMonth) { weekOfMonth.closest(".field").hidden = !(monthly && monthly.value === "monthly"); }
  }
  form.querySelectorAll("[name=pattern]").forEach(function (radio) { radio.addEventListener("change", syncPattern); });
  syncPattern();

  /* A map to click the exact place (needs Leaflet; the lat/lon boxes remain otherwise). */
  window.addEventListener("load", function () {
    var element = form.querySelector("[data-map-picker]");
    if (!element || !window.L) { return; }
    var lat = form.querySelector("[name=latitude]"), lon = form.querySelector("[name=longitude]");
    element.hidden = false;
    var start = lat.value && lon.value ? [+lat.value, +lon.value] : [52.6369, -1.1398];
    var map = L.map(element).setView(start, lat.value ? 16 : 12);
    L.tileLayer(element.getAttribute("data-tiles"), { maxZoom: 19, attribution: element.getAttribute("data-attribution") || "" }).addTo(map);
    var marker = lat.value ? L.marker(start).addTo(map) : null;
    map.on("click", function (event) {
      lat.value = event.latlng.lat.toFixed(6);
      lon.value = event.latlng.lng.toFixed(6);
      if (marker) { marker.setLatLng(event.latlng); } else { marker = L.marker(event.latlng).addTo(map); }
    });
    form.querySelector(".map-point").addEventListener("toggle", function () { map.invalidateSize(); });
  });
}());
