/**
 * The trainings catalogue with filters by skill, format and focus. Astro renders
 * it on the server as the complete list of its page; the filters appear once it
 * hydrates, so without JavaScript the page is still a complete, usable list.
 * It gets one list page's trainings: when there are other pages, the filters
 * filter this page and the count says so ("3 of 24 on this page"). The
 * filters live in the address (?skill=…&format=…&focus=…), so a filtered list
 * can be bookmarked, shared and reloaded.
 */
import { useEffect, useId, useMemo, useState } from 'react';

export interface CatalogueItem {
  documentId: string;
  title: string;
  href: string;
  summary: string;
  skill: string;
  format: string;
  focus: string;
  meta: string;
}

export interface CatalogueLabels {
  heading: string;
  skill: string;
  format: string;
  focus: string;
  any: string;
  resultsOne: string;
  resultsMany: string;
  /** Set when the list has other pages: '{shown} of {count} on this page'. */
  resultsOnPage?: string | undefined;
  noMatch: string;
  reset: string;
  skills: Record<string, string>;
  formats: Record<string, string>;
  focuses: Record<string, string>;
}

type Filter = 'skill' | 'format' | 'focus';
type Filters = Record<Filter, string>;
const OPTIONS: Record<Filter, 'skills' | 'formats' | 'focuses'> = {
  skill: 'skills',
  format: 'formats',
  focus: 'focuses',
};
const NONE: Filters = { skill: '', format: '', focus: '' };
const FILTERS = Object.keys(OPTIONS) as Filter[];

/** The filters in `search`, each only if it names a known value (anything else is ignored). */
export function filtersFrom(search: string, labels: Pick<CatalogueLabels, 'skills' | 'formats' | 'focuses'>): Filters {
  const params = new URLSearchParams(search);
  const filters = { ...NONE };
  for (const key of FILTERS) {
    const value = params.get(key) ?? '';
    if (Object.hasOwn(labels[OPTIONS[key]], value)) filters[key] = value;
  }
  return filters;
}

/** `url` with the filters set (and unset ones removed), everything else kept. */
export function withFilters(url: string, filters: Filters): string {
  const next = new URL(url);
  for (const key of FILTERS) {
    if (filters[key]) next.searchParams.set(key, filters[key]);
    else next.searchParams.delete(key);
  }
  return `${next.pathname}${next.search}${next.hash}`;
}

export default function TrainingCatalogue({ items, labels }: { items: CatalogueItem[]; labels: CatalogueLabels }) {
  const [ready, setReady] = useState(false);
  const [filters, setFilters] = useState<Filters>(NONE);
  const id = useId();
  // After hydration (the server knows no address): the filters the address asks for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount by design.
  useEffect(() => {
    setFilters(filtersFrom(window.location.search, labels));
    setReady(true);
  }, []);

  const choose = (next: Filters) => {
    setFilters(next);
    window.history.replaceState(window.history.state, '', withFilters(window.location.href, next));
  };

  const visible = useMemo(
    () => items.filter((item) => FILTERS.every((key) => !filters[key] || item[key] === filters[key])),
    [items, filters],
  );
  const count = labels.resultsOnPage
    ? labels.resultsOnPage.replace('{shown}', String(visible.length)).replace('{count}', String(items.length))
    : (visible.length === 1 ? labels.resultsOne : labels.resultsMany).replace('{n}', String(visible.length));

  return (
    <div>
      {ready && (
        <fieldset className="filters">
          <legend className="visually-hidden">{labels.heading}</legend>
          {FILTERS.map((key) => {
            const options = labels[OPTIONS[key]];
            const present = Object.keys(options).filter((value) => items.some((item) => item[key] === value));
            return (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{labels[key]}</label>
                <select
                  id={`${id}-${key}`}
                  value={filters[key]}
                  onChange={(event) => choose({ ...filters, [key]: event.target.value })}
                >
                  <option value="">{labels.any}</option>
                  {present.map((value) => (
                    <option key={value} value={value}>
                      {options[value]}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <button type="button" className="cta" onClick={() => choose(NONE)}>
            {labels.reset}
          </button>
        </fieldset>
      )}
      <p aria-live="polite" className="meta">
        {count}
      </p>
      {visible.length === 0 ? (
        <p className="empty">{labels.noMatch}</p>
      ) : (
        <ul className="grid">
          {visible.map((item) => (
            <li
              className="card"
              key={item.documentId}
              data-skill={item.skill}
              data-format={item.format}
              data-focus={item.focus}
            >
              <h2>
                <a href={item.href}>{item.title}</a>
              </h2>
              <p className="meta">{item.meta}</p>
              <p>{item.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
