import { formatChineseDay } from "../../lib/article/display.ts";
import { FILTER_NAMES, type FilterName, type SortOrder } from "../../lib/search/filters.ts";
import { readSearchState, writeSearchState, type SearchState } from "../../lib/search/state.ts";
import { readableExcerpt } from "../../lib/search/excerpt.ts";
import { SearchClient, type ResultView, type SearchOutcome } from "./client.ts";

/** Results shown at once, and added by each press of "more". */
const PAGE_SIZE = 10;

/** A pause in typing after which the index chunks of the query so far are loaded. */
const PREPARE_AFTER_MS = 100;

/** The interface strings the search page hands to this script (data-strings on the form). */
interface PageStrings {
  loading: string;
  count: string;
  countPartial: string;
  none: string;
  converted: string;
  loose: string;
  provisional: string;
  kept: string;
  unavailable: string;
}

/**
 * The search page: keeps the search in the address (?q=…&sort=…&year=…) so a search
 * can be shared, bookmarked and gone back to, runs it, and lists the results.
 */
export function startSearchPage(form: HTMLFormElement): void {
  const strings = JSON.parse(form.dataset["strings"] ?? "{}") as PageStrings;
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const list = document.querySelector<HTMLOListElement>("[data-search-results]");
  const more = document.querySelector<HTMLButtonElement>("[data-search-more]");
  const searchAll = document.querySelector<HTMLButtonElement>("[data-search-all]");
  const filtersPanel = form.querySelector<HTMLDetailsElement>("[data-search-filters]");
  if (!status || !list || !more || !searchAll) return;
  const client = new SearchClient(document.documentElement.lang.toLowerCase());
  form.querySelector("[data-search-options]")?.removeAttribute("hidden");
  // Pagefind starts loading with the page (its files are preloaded: src/lib/search/preload.ts),
  // and the index chunks of what is being typed load while the reader types. A page opened
  // with a query searches at once: the other shards' page lists wait for its first results.
  const opened = readSearchState(new URLSearchParams(location.search));
  void client.warm(!opened.query).catch((error: unknown) => console.warn("search could not be prepared", error));
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  let typing: ReturnType<typeof setTimeout> | undefined;
  input?.addEventListener("input", () => {
    clearTimeout(typing);
    // By relevance only: preparing a search by date would set Pagefind up for another order.
    if (readForm(form).sort !== "relevance") return;
    typing = setTimeout(() => void client.prepare(input.value).catch(() => undefined), PREPARE_AFTER_MS);
  });

  let generation = 0;
  let outcome: SearchOutcome | undefined;
  let shown = 0;
  /** The note on results ranked over the newest shards only that stayed in place when the whole ranking came. */
  let keptNote: string | undefined;
  let filtersLoaded = false;
  // The filter menus count pages in every shard, so they load only once the reader turns to them.
  let filtersWanted = false;
  let openedByPage = false;

  let adding: Promise<void> | undefined;
  const addPage = async (): Promise<void> => {
    if (!outcome) return;
    const mine = generation;
    const found = outcome;
    const views = await found.results(shown, shown + PAGE_SIZE);
    if (mine !== generation) return;
    announce(found, shown + views.length);
    // Each result is shown once it and those before it have arrived: the first does not wait
    // for the tenth, and what is added goes below what the reader is looking at. The list is
    // busy (for screen readers, and for whoever waits for the whole page) until the last.
    if (views.length > 0) list.setAttribute("aria-busy", "true");
    for (const view of views) {
      const shownView = await view;
      if (mine !== generation) return;
      list.append(renderResult(shownView));
      // Ranked over the newest shards only: the whole ranking starts once a first result is on
      // screen, so that the older shards' page lists do not hold it up.
      void found.provisional?.ranked().catch(() => undefined);
    }
    list.removeAttribute("aria-busy");
    shown += views.length;
    announce(found);
  };
  // The count and the controls follow the outcome: a search by date may find more as it searches more shards.
  const announce = (found: SearchOutcome, listed = shown): void => {
    const total = found.total();
    const count = found.complete() ? strings.count : strings.countPartial;
    const since = found.provisional && formatChineseDay(found.provisional.since);
    const notes = [
      ...(found.converted ? [strings.converted.replace("{query}", found.searched)] : []),
      ...(found.loose && total > 0 ? [strings.loose] : []),
      since
        ? strings.provisional.replace("{since}", since)
        : total > 0
          ? count.replace("{count}", String(total))
          : strings.none,
      ...(keptNote ? [keptNote] : []),
    ];
    status.textContent = notes.join(" ");
    // Until the whole ranking is in, there is nothing more to show, only something better.
    more.hidden = Boolean(since) || (listed >= total && found.complete());
    searchAll.hidden = Boolean(since) || found.complete();
    list.toggleAttribute("data-provisional", Boolean(since));
  };
  // One page at a time: a second press while a page loads must not load the same page twice.
  const showMore = (): Promise<void> => {
    if (!adding) {
      const loading: Promise<void> = addPage().finally(() => {
        if (adding === loading) adding = undefined;
      });
      adding = loading;
    }
    return adding;
  };

  const searchEverything = async (): Promise<void> => {
    if (!outcome) return;
    const mine = generation;
    const found = outcome;
    searchAll.disabled = true;
    try {
      await found.searchAll();
      if (mine === generation) announce(found);
    } catch (error) {
      console.error(error);
    } finally {
      searchAll.disabled = false;
    }
  };

  /**
   * Once every shard has answered, shows the whole ranking in place of one over the newest
   * shards, unless the reader has turned to the results already (scrolled, pointed, focused
   * one): then what is shown stays where it is, and the whole ranking continues below it.
   */
  const settle = async (found: SearchOutcome, mine: number, reader: ReaderWatch): Promise<void> => {
    if (!found.provisional) return;
    try {
      const ranking = await found.provisional.ranked();
      await adding;
      if (mine !== generation) return;
      if (!reader.turned()) {
        const views = await Promise.all(await ranking.outcome.results(0, PAGE_SIZE));
        if (mine !== generation) return;
        if (!reader.turned()) {
          // No lower than before, so that what follows the list does not move up and down again.
          list.style.minHeight = `${list.offsetHeight}px`;
          list.replaceChildren(...views.map(renderResult));
          outcome = ranking.outcome;
          shown = views.length;
          announce(outcome);
          return;
        }
      }
      outcome = ranking.keeping(shown);
      keptNote = strings.kept
        .replace("{count}", String(shown))
        .replace("{since}", formatChineseDay(found.provisional.since));
      announce(outcome);
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = strings.unavailable;
      console.error(error);
    }
  };

  const loadFilters = async (): Promise<void> => {
    if (filtersLoaded) return;
    filtersLoaded = true;
    try {
      fillFilterOptions(form, await client.filterValues());
    } catch (error) {
      filtersLoaded = false;
      console.error(error);
    }
  };

  const run = async (state: SearchState): Promise<void> => {
    const mine = ++generation;
    writeForm(form, state);
    keepSearchOnScriptSwitch(state);
    if (Object.keys(state.filters).length > 0 && filtersPanel && !filtersPanel.open) {
      openedByPage = true;
      filtersPanel.open = true;
    }
    list.replaceChildren();
    list.removeAttribute("aria-busy");
    list.removeAttribute("data-provisional");
    list.style.minHeight = "";
    keptNote = undefined;
    more.hidden = true;
    searchAll.hidden = true;
    outcome = undefined;
    adding = undefined;
    if (!state.query) {
      status.textContent = "";
      if (filtersWanted) void loadFilters();
      return;
    }
    status.textContent = strings.loading;
    try {
      const found = await client.search(state);
      if (mine !== generation) return;
      outcome = found;
      shown = 0;
      // Watched from the first result on: a reader may scroll while the others arrive.
      const reader = watchReader(list);
      try {
        // Announced once the first results are on the page, so the count and the list arrive together.
        await showMore();
        if (mine !== generation) return;
        await settle(found, mine, reader);
      } finally {
        reader.stop();
      }
      if (mine !== generation) return;
      // After the search, not alongside it: a search sorted by date may set Pagefind up anew.
      if (filtersWanted) void loadFilters();
    } catch (error) {
      if (mine !== generation) return;
      status.textContent = strings.unavailable;
      console.error(error);
    }
  };

  const go = (state: SearchState): void => {
    const query = writeSearchState(state);
    if (query !== location.search.slice(1)) history.pushState(null, "", query ? `?${query}` : location.pathname);
    void run(state);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(readForm(form));
  });
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement) go(readForm(form));
  });
  const wantFilters = (): void => {
    filtersWanted = true;
    void loadFilters();
  };
  filtersPanel?.addEventListener("toggle", () => {
    if (openedByPage) openedByPage = false;
    else if (filtersPanel.open) wantFilters();
  });
  filtersPanel?.addEventListener("focusin", wantFilters);
  more.addEventListener("click", () => void showMore());
  searchAll.addEventListener("click", () => void searchEverything());
  window.addEventListener("popstate", () => void run(readSearchState(new URLSearchParams(location.search))));
  void run(opened);
}

/** Whether the reader has turned to the results, until told to stop watching. */
interface ReaderWatch {
  turned: () => boolean;
  stop: () => void;
}

/** Watches for the reader turning to the results: scrolling the page, or pointing at, focusing or typing in the list. */
function watchReader(list: HTMLElement): ReaderWatch {
  let turned = false;
  const watching = new AbortController();
  const mark = (): void => {
    turned = true;
    watching.abort();
  };
  const options = { passive: true, signal: watching.signal };
  window.addEventListener("scroll", mark, options);
  for (const type of ["pointerdown", "focusin", "keydown"]) list.addEventListener(type, mark, options);
  return { turned: () => turned, stop: () => watching.abort() };
}

function readForm(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  const filters: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = String(data.get(name) ?? "");
    if (value) filters[name] = value;
  }
  const sort = String(data.get("sort") ?? "");
  return { query: String(data.get("q") ?? "").trim(), sort: (sort || "relevance") as SortOrder, filters };
}

function writeForm(form: HTMLFormElement, state: SearchState): void {
  const input = form.elements.namedItem("q");
  if (input instanceof HTMLInputElement) input.value = state.query;
  const sort = form.elements.namedItem("sort");
  if (sort instanceof HTMLSelectElement) sort.value = state.sort === "relevance" ? "" : state.sort;
  for (const name of FILTER_NAMES) {
    const select = form.elements.namedItem(name);
    if (select instanceof HTMLSelectElement) setSelectValue(select, state.filters[name] ?? "");
  }
}

/** Selects a value, adding it as an option when the list does not have it yet (a filter from a shared link). */
function setSelectValue(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
  select.value = value;
}

/** Lists each filter's values, most frequent first; a filter no article uses is hidden. */
function fillFilterOptions(form: HTMLFormElement, counts: Record<string, Record<string, number>>): void {
  for (const name of FILTER_NAMES) {
    const select = form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    const values = Object.entries(counts[name] ?? {}).sort((a, b) =>
      name === "year" ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    const current = select.value;
    const all = select.options[0];
    select.replaceChildren(
      ...(all ? [all] : []),
      ...values.map(([value, count]) => new Option(`${value}（${count}）`, value)),
    );
    setSelectValue(select, current);
    const label = select.closest("label");
    if (label) label.hidden = values.length === 0 && !current;
  }
}

/**
 * Points the script switch at the same search in the other script. The query converts
 * itself there; filter values are words of this script's index, so they are left behind.
 */
function keepSearchOnScriptSwitch(state: SearchState): void {
  const query = writeSearchState({ ...state, filters: {} });
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-script-choice]")) {
    link.search = query ? `?${query}` : "";
  }
}

function renderResult(view: ResultView): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const title = document.createElement("a");
  title.className = "search-result-title";
  title.href = view.url;
  title.textContent = view.title;
  if (view.place) {
    const place = document.createElement("span");
    place.className = "search-result-place";
    place.textContent = view.place;
    title.append(" · ", place);
  }
  const meta = document.createElement("p");
  meta.className = "search-result-meta";
  if (view.day) {
    const time = document.createElement("time");
    time.dateTime = view.day;
    time.textContent = formatChineseDay(view.day);
    meta.append(time);
  }
  if (view.source) meta.append(`${view.day ? " · " : ""}${view.source}`);
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  // Pagefind escapes the page text and adds only <mark> elements, so this is safe as HTML.
  excerpt.innerHTML = readableExcerpt(view.excerpt);
  item.append(title, meta, excerpt);
  return item;
}
