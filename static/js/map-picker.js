/* Progressive enhancement: choose "where" by clicking a map, for any [data-place-picker]
 * (templates/_map.html, place_picker). It fills the form's lat/lon fields, the same ones
 * "use my location" fills, and empties the postcode, which would otherwise win.
 * Without JavaScript, Leaflet or tiles the picker stays hidden or grey and the postcode
 * field (or the typed latitude and longitude) works as before. Keyboard users move the map
 * with the arrow keys (Leaflet's own keyboard handling) and pick its centre with a button. */
(function () {
  "use strict";
  if (!window.L) { return; }
  var LEICESTER = [52.6369, -1.1398];

  function setUp(picker) {
    var form = picker.closest("form");
    if (!form) { return; }
    var lat = form.elements[picker.getAttribute("data-lat-field")];
    var lon = form.elements[picker.getAttribute("data-lon-field")];
    var clear = form.elements[picker.getAttribute("data-clear-field")];
    if (!lat || !lon) { return; }
    var toggle = picker.querySelector("[data-picker-toggle]");
    var panel = picker.querySelector("[data-picker-panel]");
    var status = picker.querySelector("[data-picker-status]");
    var remove = picker.querySelector("[data-picker-remove]");
    var element = picker.querySelector("[data-picker-map]");
    var map = null, marker = null;

    function chosenPoint() {
      var la = parseFloat(lat.value), lo = parseFloat(lon.value);
      return isFinite(la) && isFinite(lo) ? [la, lo] : null;
    }

    var here = form.elements.here;  /* "1" when the point is the device's location */

    function chosenLabel() {
      return picker.getAttribute(here && here.value ? "data-here" : "data-chosen");
    }

    function showMarker(point) {
      if (!map) { return; }
      if (marker) { marker.setLatLng(point); if (marker.getElement()) { marker.getElement().alt = chosenLabel(); } return; }
      marker = L.marker(point, { interactive: false, keyboard: false, alt: chosenLabel() }).addTo(map);
    }

    function showChosen(announce) {
      var point = chosenPoint();
      remove.hidden = !point;
      if (point) {
        showMarker(point);
        status.textContent = chosenLabel();
      } else if (announce) {
        status.textContent = picker.getAttribute("data-removed");
      } else {
        status.textContent = "";
      }
    }

    function choose(latlng) {
      lat.value = latlng.lat.toFixed(5);
      lon.value = latlng.lng.toFixed(5);
      if (here) { here.value = ""; }
      if (clear && clear.value) { clear.value = ""; }
      showChosen(false);
    }

    function ensureMap() {
      if (map || element.offsetParent === null) { if (map) { map.invalidateSize(); } return; }
      var point = chosenPoint();
      map = L.map(element, { scrollWheelZoom: false, keyboard: true }).setView(point || LEICESTER, point ? 15 : 12);
      L.tileLayer(picker.getAttribute("data-tiles"), {
        maxZoom: 19, attribution: picker.getAttribute("data-attribution") || ""
      }).addTo(map);
      map.on("click", function (event) { choose(event.latlng); });
      if (point) { showMarker(point); }
    }

    picker.hidden = false;
    if (toggle) {
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        panel.hidden = !open;
        if (open) { ensureMap(); }
      });
    }
    picker.querySelector("[data-picker-centre]").addEventListener("click", function () {
      ensureMap();
      if (map) { choose(map.getCenter()); }
    });
    function forget() {
      lat.value = "";
      lon.value = "";
      if (here) { here.value = ""; }
      if (marker) { marker.remove(); marker = null; }
      showChosen(true);
    }
    remove.addEventListener("click", function () { forget(); (toggle || element).focus(); });
    /* A postcode typed after choosing a place replaces it (the server prefers the postcode). */
    if (clear) {
      clear.addEventListener("input", function () {
        if (clear.value.trim() && chosenPoint()) { forget(); }
      });
    }
    /* Typed coordinates (the connector's form) move the marker too. */
    [lat, lon].forEach(function (field) {
      field.addEventListener("change", function () { showChosen(false); if (map && chosenPoint()) { map.panTo(chosenPoint()); } });
    });
    var details = picker.closest("details");
    if (details) { details.addEventListener("toggle", ensureMap); }
    ensureMap();
    showChosen(false);
  }

  document.querySelectorAll("[data-place-picker]").forEach(setUp);
})();
