// The article view: a click on a marked word shows the cards of what it belongs to, a
// click on a card marks its words in the text. Nothing here writes HTML: it only adds
// and removes classes, so the article's text stays text.
(function () {
  "use strict";
  const text = document.getElementById("text");
  const cards = document.getElementById("cards");
  if (!text || !cards) return;

  function clear() {
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  }

  function select(items) {
    clear();
    let first = null;
    items.forEach((item) => {
      const card = document.getElementById("card-" + item);
      if (card) { card.classList.add("selected"); first = first || card; }
      text.querySelectorAll("span[data-items]").forEach((span) => {
        if (span.dataset.items.split(" ").includes(item)) span.classList.add("selected");
      });
    });
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  text.addEventListener("click", (event) => {
    const span = event.target.closest("span[data-items]");
    if (span && span.dataset.items) select(span.dataset.items.split(" "));
  });
  cards.addEventListener("click", (event) => {
    if (event.target.closest("a")) return;
    const card = event.target.closest(".card");
    if (card) {
      select([card.dataset.item]);
      const word = text.querySelector("span.selected");
      if (word) word.scrollIntoView({ block: "center" });
    }
  });
})();
