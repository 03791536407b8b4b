// Progressive enhancement for the connector's printed sheets: a Print button. Everything
// works without it (the browser's own Print does the same).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
