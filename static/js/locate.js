/* "Use my location": fills the hidden lat/lon fields from the browser and submits.
 * The button is hidden without JavaScript; the postcode field always works. */
(function () {
  "use strict";
  var button = document.querySelector("[data-use-location]");
  if (!button || !navigator.geolocation) { return; }
  var form = button.form;
  var status = document.getElementById("locate-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    if (status) { status.textContent = button.getAttribute("data-finding"); }
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(5);
      form.elements.lon.value = position.coords.longitude.toFixed(5);
      form.elements.postcode.value = "";
      if (form.elements.here) { form.elements.here.value = "1"; }
      form.submit();
    }, function () {
      if (status) { status.textContent = button.getAttribute("data-failed"); }
    }, { timeout: 10000, maximumAge: 600000 });
  });
})();
