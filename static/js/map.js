/* Progressive enhancement: a Leaflet map for any element with data-map.
 * Markers come from the page itself (data-markers JSON); the list of results is the
 * real content and keeps working when this script, Leaflet or the tiles fail to load. */
(function () {
  "use strict";
  if (!window.L) { return; }
  document.querySelectorAll("[data-map]").forEach(function (element) {
    var markers;
    try { markers = JSON.parse(element.getAttribute("data-markers") || "[]"); } catch (error) { return; }
    if (!markers.length) { return; }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.getAttribute("data-tiles"), {
      maxZoom: 19, attribution: element.getAttribute("data-attribution") || ""
    }).addTo(map);
    var group = L.markerClusterGroup ? L.markerClusterGroup({ maxClusterRadius: 40 }) : L.featureGroup();
    var byId = {};
    markers.forEach(function (item) {
      var marker = L.marker([item.lat, item.lon], { title: item.name, alt: item.name, keyboard: true });
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.name;
      marker.bindPopup(link);
      marker.on("click", function () {
        var card = document.getElementById("result-" + item.id);
        if (card) { card.classList.add("highlight"); card.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
      });
      byId[item.id] = marker;
      group.addLayer(marker);
    });
    if (element.hasAttribute("data-home-lat")) {
      L.circleMarker([+element.getAttribute("data-home-lat"), +element.getAttribute("data-home-lon")],
        { radius: 8, color: "#b00020" }).addTo(map);
    }
    group.addTo(map);
    var bounds = group.getBounds();
    if (markers.length === 1) { map.setView([markers[0].lat, markers[0].lon], 15); } else { map.fitBounds(bounds.pad(0.15)); }
    /* List and map in sync: focusing or hovering a result opens its marker. */
    document.querySelectorAll("[data-result-id]").forEach(function (card) {
      function show() {
        var marker = byId[card.getAttribute("data-result-id")];
        if (!marker) { return; }
        if (group.zoomToShowLayer) { group.zoomToShowLayer(marker, function () { marker.openPopup(); }); }
        else { marker.openPopup(); }
      }
      card.addEventListener("mouseenter", show);
      card.addEventListener("focusin", show);
    });
  });
})();
