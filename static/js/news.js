// "In bài" opens the print dialog; without JavaScript the browser's own Print works the same.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-print]");
  if (!link) return;
  event.preventDefault();
  window.print();
});
