// @ts-check
/**
 * Search in the browser, over the Pagefind index the build wrote into the site
 * (`/pagefind/`). Loaded by the header's inline script only when a search field
 * is first used — or at once on the search page — so normal pages load no
 * search code until then. One self-contained module (the site serves this very
 * file): the pure parts (excerptParts, groupHits, safePath) are exported for the
 * unit tests, `mount` wires a form.
 *
 * Pagefind picks the index of the page's `<html lang>`: Dutch pages search the
 * Dutch pages, English pages the English ones.
 *
 * Everything shown is built as DOM nodes from text. The one piece of markup
 * taken from the index, a result's excerpt (the page's text with `<mark>`
 * around the words that matched), is split into text and marks here and never
 * parsed as HTML.
 */

/** How long typing must pause before a search runs. */
const DEBOUNCE_MS = 150;
/** Results shown at most: under the header field, and on the search page. */
const LIMIT = { header: 8, page: 50 };

/**
 * @typedef {{ text: string, mark: boolean }} ExcerptPart
 * @typedef {{ url: string, title: string, excerpt: string, type: string }} Hit
 * @typedef {{ type: string, heading: string, hits: Hit[] }} HitGroup
 * @typedef {{ loading: string, error: string, none: string, one: string, many: string, shown: string,
 *   all: string, types: [string, string][] }} SearchStrings
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

/** Character references back to characters (`&amp;` → `&`, `&#39;` → `'`); unknown ones stay as written. */
function decodeEntities(/** @type {string} */ text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, /** @type {string} */ name) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * A Pagefind excerpt as text and marked text: `<mark>` and `</mark>` are the only tags kept; any other
 * tag-like text is shown as the text it is, character references are read as characters.
 * @param {string} excerpt
 * @returns {ExcerptPart[]}
 */
export function excerptParts(excerpt) {
  /** @type {ExcerptPart[]} */
  const parts = [];
  let mark = false;
  for (const piece of String(excerpt).split(/(<\/?mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (piece) {
      const text = decodeEntities(piece);
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/**
 * Hits grouped by their type, groups in the order of `types` (each with its heading), hits in the
 * order they came (Pagefind's ranking); a type not in `types` counts as the last one's (other).
 * @param {Hit[]} hits
 * @param {[string, string][]} types
 * @returns {HitGroup[]}
 */
export function groupHits(hits, types) {
  const known = new Map(types.map(([type], index) => [type, index]));
  const fallback = types.length - 1;
  /** @type {Hit[][]} */
  const buckets = types.map(() => []);
  for (const hit of hits) buckets[known.get(hit.type) ?? fallback]?.push(hit);
  return types
    .map(([type, heading], index) => ({ type, heading, hits: buckets[index] ?? [] }))
    .filter((group) => group.hits.length > 0);
}

/** `url` if it is a path on this site (`/…`, not `//host`), else null: the only links a result may have. */
export function safePath(/** @type {unknown} */ url) {
  return typeof url === 'string' && /^\/(?![/\\])[^\s]*$/.test(url) ? url : null;
}

/** A template's `{name}` placeholders filled in. */
export const fill = (/** @type {string} */ template, /** @type {Record<string, string | number>} */ values) =>
  template.replace(/\{(\w+)\}/g, (whole, /** @type {string} */ key) =>
    values[key] === undefined ? whole : String(values[key]),
  );

/** The status line: how many results there are for `query`, and how many are shown. */
export function countText(/** @type {SearchStrings} */ strings, /** @type {string} */ query, total = 0, shown = 0) {
  const count = fill(total === 0 ? strings.none : total === 1 ? strings.one : strings.many, { n: total, query });
  return shown < total ? `${count} ${fill(strings.shown, { shown })}` : count;
}

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A result: its title as a link, its excerpt with the matched words marked. */
function hitNode(/** @type {Hit} */ hit, /** @type {string} */ href) {
  const item = element('li', 'search-hit');
  const link = /** @type {HTMLAnchorElement} */ (element('a', undefined, hit.title || href));
  link.href = href;
  item.append(link);
  const parts = excerptParts(hit.excerpt);
  if (parts.length > 0) {
    const excerpt = element('p', 'search-excerpt');
    for (const part of parts) excerpt.append(part.mark ? element('mark', undefined, part.text) : part.text);
    item.append(excerpt);
  }
  return item;
}

/**
 * Wires one search form (see SearchForm.astro): results as the query changes, a live status line,
 * loading, empty and error states. On the search page it runs the `?q=` query at once and keeps the
 * address in step; under the header field the results are a panel that Escape and leaving close.
 * @param {HTMLFormElement} form
 */
export function mount(form) {
  const input = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="q"]'));
  const status = /** @type {HTMLElement | null} */ (form.querySelector('.search-status'));
  const panel = /** @type {HTMLElement | null} */ (form.querySelector('.search-results'));
  const indexUrl = form.dataset.searchIndex;
  if (!input || !status || !panel || !indexUrl || form.dataset.searchMounted) return;
  form.dataset.searchMounted = '';
  /** @type {SearchStrings} */
  const strings = JSON.parse(form.dataset.searchStrings ?? '{}');
  const onPage = form.classList.contains('search-page');
  const limit = onPage ? LIMIT.page : LIMIT.header;
  const headingTag = onPage ? 'h2' : 'h3';

  /** @type {Promise<any> | null} */
  let pagefind = null;
  const load = () => {
    pagefind ??= import(/* @vite-ignore */ indexUrl).then(async (module) => {
      await module.options({ excerptLength: onPage ? 30 : 16 });
      await module.init();
      return module;
    });
    return pagefind;
  };
  // The index's files start loading now, while the first word is typed.
  load().catch(() => {});

  let latest = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const show = (/** @type {boolean} */ open) => {
    panel.hidden = !open;
    form.classList.toggle('search-open', open);
  };

  const say = (/** @type {string} */ text) => {
    status.textContent = text;
  };

  /** The panel's contents: the status (for eyes; the live region is for ears), the groups, a link to all. */
  const render = (/** @type {string} */ query, /** @type {Hit[]} */ hits, /** @type {number} */ total) => {
    const text = countText(strings, query, total, hits.length);
    const nodes = [];
    if (!onPage) nodes.push(element('p', 'search-count', text));
    for (const group of groupHits(hits, strings.types)) {
      const section = element('section', 'search-group');
      const heading = element(headingTag, undefined, `${group.heading} (${group.hits.length})`);
      heading.id = `${form.id || 'search'}-${group.type}-${latest}`;
      const list = element('ul', 'search-hits');
      list.setAttribute('aria-labelledby', heading.id);
      for (const hit of group.hits) {
        const href = safePath(hit.url);
        if (href) list.append(hitNode(hit, href));
      }
      section.append(heading, list);
      nodes.push(section);
    }
    if (!onPage && total > 0) {
      const all = /** @type {HTMLAnchorElement} */ (element('a', 'search-all', fill(strings.all, { query })));
      all.href = `${form.action.replace(/[?#].*$/, '')}?q=${encodeURIComponent(query)}`;
      nodes.push(all);
    }
    panel.replaceChildren(...nodes);
    say(text);
    show(true);
  };

  const run = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (onPage) {
      const url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    }
    if (!query) {
      panel.replaceChildren();
      show(false);
      say('');
      return;
    }
    say(strings.loading);
    form.setAttribute('aria-busy', 'true');
    try {
      const index = await load();
      const search = await index.search(query);
      if (ticket !== latest) return;
      const results = /** @type {{ data(): Promise<any> }[]} */ (search?.results ?? []);
      const data = await Promise.all(results.slice(0, limit).map((result) => result.data()));
      if (ticket !== latest) return;
      /** @type {Hit[]} */
      const hits = data.map((item) => ({
        url: item.url,
        title: typeof item.meta?.title === 'string' ? item.meta.title : '',
        excerpt: typeof item.excerpt === 'string' ? item.excerpt : '',
        type: typeof item.meta?.type === 'string' ? item.meta.type : 'other',
      }));
      render(query, hits, results.length);
    } catch {
      if (ticket !== latest) return;
      pagefind = null;
      panel.replaceChildren(element('p', 'search-error', strings.error));
      say(strings.error);
      show(true);
    } finally {
      if (ticket === latest) form.removeAttribute('aria-busy');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  if (onPage) {
    // The results are already on the page: Enter just searches now.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    const query = new URLSearchParams(window.location.search).get('q');
    if (query) {
      input.value = query;
      run();
    }
    return;
  }

  /** The result links in the panel, for the arrow keys. */
  const links = () => /** @type {HTMLAnchorElement[]} */ ([...panel.querySelectorAll('a')]);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      show(false);
      input.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (panel.hidden || all.length === 0) return;
    const at = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    event.preventDefault();
    if (event.key === 'ArrowDown') all[Math.min(at + 1, all.length - 1)]?.focus();
    else if (at <= 0) input.focus();
    else all[at - 1]?.focus();
  });
  form.addEventListener('focusout', (event) => {
    const next = /** @type {Node | null} */ (event.relatedTarget);
    if (!next || !form.contains(next)) show(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && panel.childElementCount > 0) show(true);
  });
  if (input.value.trim()) run();
}
