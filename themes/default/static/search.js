// The search page: queries the Pagefind index that `sitegen build` writes into pagefind/.
// Pagefind's JavaScript API: https://pagefind.app/docs/api/
//
// The form carries the URLs in data attributes, so this file works under any base path
// (GitHub Pages serves a project site from /<repo>/). The query and filters live in the
// address (?q=...&person=...), so a search can be bookmarked, shared and reloaded.
// No inline script anywhere: the pages' Content-Security-Policy allows same-origin files only.

const MAX_RESULTS = 50;
const FILTERS = ["person", "topic", "year"];

const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const selects = Object.fromEntries(FILTERS.map((name) => [name, form.querySelector(`select[data-filter="${name}"]`)]));

let pagefind = null;
let latest = 0; // each search gets a number; answers to older searches are dropped
let timer = null;

async function otherBlocks() {
  const answer = await fetch(form.dataset.bundle + "blocks.json");
  if (!answer.ok) return []; // an index made before blocks: one bundle
  return answer.json();
}

async function start() {
  const wanted = new URLSearchParams(location.search);
  input.value = wanted.get("q") || "";
  try {
    pagefind = await import(form.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: form.dataset.base, excerptLength: 24 });
    // A large archive is indexed in blocks (one Pagefind run holds its whole index in memory):
    // the first block's bundle lists the others', and Pagefind merges their results.
    for (const block of await otherBlocks()) {
      await pagefind.mergeIndex(form.dataset.bundle + block, { baseUrl: form.dataset.base });
    }
    await pagefind.init();
    fillFilters(await pagefind.filters(), wanted);
  } catch (error) {
    statusLine.textContent = "Search is not available: the search index could not be loaded (the archive has to be built with `sitegen build --search`).";
    console.error(error);
    return;
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 200); });
  for (const select of Object.values(selects)) select.addEventListener("change", search);
  form.dataset.ready = "true";
  search();
}

function fillFilters(available, wanted) {
  for (const name of FILTERS) {
    const select = selects[name];
    const counts = available[name] || {};
    const values = Object.keys(counts).sort(name === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b));
    for (const value of values) {
      select.append(new Option(`${value} (${counts[value]})`, value));
    }
    const chosen = wanted.get(name);
    if (chosen && values.includes(chosen)) select.value = chosen;
  }
  // An index built without filters (a theme that sets none) gets no empty menus.
  form.querySelector(".search-filters").hidden = FILTERS.every((name) => selects[name].options.length < 2);
}

function chosenFilters() {
  const filters = {};
  for (const name of FILTERS) {
    if (selects[name].value) filters[name] = selects[name].value;
  }
  return filters;
}

async function search() {
  const number = ++latest;
  const query = input.value.trim();
  const filters = chosenFilters();
  remember(query, filters);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    statusLine.textContent = "";
    return;
  }
  statusLine.textContent = "Searching…";
  // A null query with filters lists every article that matches the filters.
  const response = await pagefind.search(query || null, { filters });
  const found = await Promise.all(response.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  if (number !== latest) return;
  list.replaceChildren(...found.map(resultItem));
  statusLine.textContent = describe(response.results.length, query);
}

function describe(count, query) {
  const what = count === 1 ? "1 result" : `${count} results`;  // (articles, and pages such as About)
  const shown = count > MAX_RESULTS ? ` (the first ${MAX_RESULTS} are shown)` : "";
  return (query ? `${what} found for “${query}”` : `${what} found`) + shown + ".";
}

function remember(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const address = params.toString() ? `?${params}` : location.pathname;
  history.replaceState(null, "", address);
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "article-item search-result";
  const heading = document.createElement("h2");
  heading.className = "article-item-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = (data.meta && data.meta.title) || data.url;
  heading.append(link);
  item.append(heading);
  if (data.meta && data.meta.date) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = data.meta.date;
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(excerpt);
  const sections = (data.sub_results || []).filter((sub) => sub.url.includes("#") && sub.title !== link.textContent);
  if (sections.length) {
    const where = document.createElement("p");
    where.className = "meta";
    where.append("Also in: ");
    sections.slice(0, 3).forEach((sub, i) => {
      const section = document.createElement("a");
      section.href = sub.url;
      section.textContent = sub.title;
      where.append(...(i ? [", ", section] : [section]));
    });
    item.append(where);
  }
  return item;
}

// Pagefind's excerpt is escaped page text with <mark> around the words that matched; rebuild it
// from text nodes and <mark> elements only, so nothing else in it can ever become markup.
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt || ""}</body>`, "text/html");
  return Array.from(parsed.body.childNodes, (node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

start();
