/**
 * The trainings catalogue with filters by skill, format and focus. Astro renders
 * it on the server as the complete list of its page; the filters appear once it
 * hydrates, so without JavaScript the page is still a complete, usable list.
 * It gets one list page's trainings: when there are other pages, the filters
 * filter this page and the count says so ("3 of 24 on this page").
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
const OPTIONS: Record<Filter, 'skills' | 'formats' | 'focuses'> = {
  skill: 'skills',
  format: 'formats',
  focus: 'focuses',
};

export default function TrainingCatalogue({ items, labels }: { items: CatalogueItem[]; labels: CatalogueLabels }) {
  const [ready, setReady] = useState(false);
  const [filters, setFilters] = useState<Record<Filter, string>>({ skill: '', format: '', focus: '' });
  const id = useId();
  useEffect(() => setReady(true), []);

  const visible = useMemo(
    () =>
      items.filter((item) =>
        (Object.keys(filters) as Filter[]).every((key) => !filters[key] || item[key] === filters[key]),
      ),
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
          {(Object.keys(OPTIONS) as Filter[]).map((key) => {
            const options = labels[OPTIONS[key]];
            const present = Object.keys(options).filter((value) => items.some((item) => item[key] === value));
            return (
              <div className="field" key={key}>
                <label htmlFor={`${id}-${key}`}>{labels[key]}</label>
                <select
                  id={`${id}-${key}`}
                  value={filters[key]}
                  onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}
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
          <button type="button" className="cta" onClick={() => setFilters({ skill: '', format: '', focus: '' })}>
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
