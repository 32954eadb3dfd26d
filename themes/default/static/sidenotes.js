// Article pages: keeps each sidenote beside its number on wide screens.
//
// Without this file the notes are CSS floats in the margin (Tufte CSS): a note that does not
// fit beside its number is pushed below the one before, and where an editor wrote several
// long notes close together they drift further and further from their text, down past the
// end of the article. Here, on screens wide enough for the margin (the stylesheet's
// breakpoint), each note is placed at its number's line or just below the note before it;
// and when that would put it more than a third of the window below its number, the longest
// notes of the pile above it are shortened to a few lines with a "More" button, one at a
// time until it fits (or nothing is left to shorten). A button, or the keyboard reaching a
// link inside a shortened note, shows the whole note again.
//
// On narrow screens, in print and without JavaScript the stylesheet's own layout applies.
// No inline script anywhere: the pages' Content-Security-Policy allows same-origin files only.

const WIDE = window.matchMedia("(min-width: 68em)"); // as in style.css
const GAP = 16; // px between two notes, the floats' bottom margin
const SHORTEN_MIN = 24; // px a note must lose to be worth shortening (about a line)

const body = document.querySelector(".article-body");
const notes = body ? [...body.querySelectorAll(".sidenote")].map((note) => ({
  note,
  number: body.querySelector(`label.sidenote-number[for="${note.previousElementSibling?.id}"]`),
  button: null,
  opened: false, // shown whole by the reader: never shortened again
})) : [];

function moreButton(item) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "sidenote-more";
  button.textContent = "More";
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", () => open(item));
  item.note.append(button);
  // A link hidden in the shortened part would scroll the clipped note when it gets the focus.
  item.note.addEventListener("focusin", (event) => {
    if (event.target !== button && item.note.classList.contains("sidenote-short")) open(item);
  });
  return button;
}

function open(item) {
  item.opened = true;
  place();
}

function unplace() {
  body.classList.remove("sidenotes-placed");
  body.style.minHeight = "";
  for (const { note } of notes) {
    note.style.top = "";
    note.classList.remove("sidenote-short");
  }
}

// The top of each note, from its number's top (anchor) and its height whole (full) or, if it
// is shortened, shortened (short); returns the bottom of the last.
function layOut(items) {
  let bottom = -Infinity;
  for (const item of items) {
    item.top = Math.max(item.anchor, bottom + GAP);
    bottom = item.top + (item.shortened ? item.short : item.full);
  }
  return bottom;
}

// The note to shorten next: the longest of those stacked above the first note that ends up too
// far below its number (a stack ends at a note that sits at its own number). None if every
// note that is too far has nothing left above it to shorten.
function nextToShorten(items, limit) {
  for (let i = 0; i < items.length; i++) {
    if (items[i].top - items[i].anchor <= limit) continue;
    let best = null;
    for (let j = i - 1; j >= 0; j--) {
      const item = items[j];
      if (!item.shortened && !item.opened && item.full - item.short >= SHORTEN_MIN
          && (best === null || item.full - item.short > best.full - best.short)) best = item;
      if (item.top === item.anchor) break;
    }
    if (best) return best;
  }
  return null;
}

function place() {
  unplace();
  if (!WIDE.matches) return;
  body.classList.add("sidenotes-placed");
  const shown = (element) => element.getClientRects().length > 0; // (not hidden by "as published")
  const items = notes.filter(({ note, number }) => number && shown(note) && shown(number));
  if (items.some(({ note }) => note.offsetParent !== body)) {
    unplace(); // a theme that positions something inside the body: leave the floats alone
    return;
  }
  // Every size is read in three passes (whole, shortened, back), not note by note: each
  // switch between reading and changing the page costs a layout of the whole page.
  for (const item of items) item.button ??= moreButton(item);
  const origin = body.getBoundingClientRect().top + body.clientTop;
  for (const item of items) {
    item.anchor = Math.round(item.number.getBoundingClientRect().top - origin);
    item.full = item.note.offsetHeight;
    item.shortened = false;
  }
  for (const item of items) item.note.classList.add("sidenote-short");
  for (const item of items) item.short = Math.min(item.full, item.note.offsetHeight);
  for (const item of items) item.note.classList.remove("sidenote-short");
  const limit = Math.max(160, window.innerHeight / 3);
  let end = layOut(items);
  for (let item; (item = nextToShorten(items, limit)); ) {
    item.shortened = true;
    end = layOut(items);
  }
  for (const item of items) {
    item.note.style.top = `${item.top}px`;
    item.note.classList.toggle("sidenote-short", item.shortened);
    item.button.setAttribute("aria-expanded", String(!item.shortened));
  }
  // The notes are out of the flow: the body grows to hold the last of them, which would
  // otherwise run over what follows the article.
  if (end > body.clientHeight) body.style.minHeight = `${Math.ceil(end)}px`;
}

let pending = false;
function schedule() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    place();
  });
}

if (notes.length) {
  place();
  WIDE.addEventListener("change", schedule);
  window.addEventListener("resize", schedule);
  window.addEventListener("load", schedule); // images above a note move it
  document.fonts?.ready.then(schedule);
  document.getElementById("as-published")?.addEventListener("change", schedule);
}
