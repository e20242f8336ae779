// The contradiction view: each side's article opens at the sentence it is cited for (its
// box scrolls, not the page). Nothing here writes HTML.
(function () {
  "use strict";
  document.querySelectorAll(".side-text").forEach((box) => {
    const focus = box.querySelector("span.focus");
    if (focus) box.scrollTop = Math.max(0, focus.offsetTop - box.offsetTop - box.clientHeight / 3);
  });
})();
