/**
 * "Wat vind je hiervan?" — the feedback widget on every preview page. A native
 * <dialog> (focus stays inside, Escape closes, focus returns to the button):
 * choose the whole page or a part of it, write, pick a category, send. The text
 * stays when sending fails.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  Alert,
  describedBy,
  Field,
  Form,
  type FormTexts,
  SubmitButton,
  Thanks,
  useHydrated,
  useSubmission,
} from './form-parts';

export interface WidgetTexts extends FormTexts {
  open: string;
  title: string;
  intro: string;
  about: string;
  wholePage: string;
  aSection: string;
  section: string;
  message: string;
  category: string;
  showName: string;
  send: string;
  close: string;
  another: string;
}

interface Props {
  /** A locale code (nl, en, de, …). */
  locale: string;
  pagePath: string;
  refs: string[];
  isPilot: boolean;
  categories: Record<string, string>;
  texts: WidgetTexts;
}

const EMPTY = { message: '', category: 'idea', scope: 'page', section: '', showName: false };

export default function FeedbackWidget({ locale, pagePath, refs, isPilot, categories, texts }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Disabled until hydrated: before that a click has no handler and the dialog would never open.
  const hydrated = useHydrated();
  const [values, setValues] = useState(EMPTY);
  const [sections, setSections] = useState<{ id: string; label: string }[]>([]);
  const { status, submit, alertRef, confirmationRef, reset } = useSubmission(
    '/preview-api/feedback/',
    { ...texts, submit: texts.send } as FormTexts,
    () => setValues(EMPTY),
  );

  useEffect(() => {
    const headings = [...document.querySelectorAll<HTMLHeadingElement>('main h2[id]')];
    setSections(headings.map((heading) => ({ id: heading.id, label: heading.textContent?.trim() ?? heading.id })));
  }, []);

  const update = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) =>
    setValues({ ...values, [key]: value });
  const err = status.fields;
  const data = {
    message: values.message,
    category: values.category,
    pagePath,
    locale,
    contentRefs: refs,
    showName: isPilot && values.showName,
    // The heading text too, so editors read the section's name rather than its anchor.
    ...(values.scope === 'section' && values.section
      ? {
          section: values.section,
          sectionHeading: (sections.find((section) => section.id === values.section)?.label ?? '').slice(0, 200),
        }
      : {}),
  };

  return (
    <>
      <button
        type="button"
        className="cta feedback-open"
        disabled={!hydrated}
        onClick={() => dialog.current?.showModal()}
      >
        {texts.open}
      </button>
      <dialog ref={dialog} className="feedback-dialog" aria-labelledby={`${id}-title`}>
        <div className="feedback-head">
          <h2 id={`${id}-title`}>{texts.title}</h2>
          <button type="button" className="feedback-close" onClick={() => dialog.current?.close()}>
            {texts.close}
          </button>
        </div>
        <Thanks
          sent={status.state === 'sent'}
          title={texts.thanksTitle}
          body={texts.thanksBody}
          confirmationRef={confirmationRef}
        >
          <button type="button" className="cta" onClick={reset}>
            {texts.another}
          </button>
        </Thanks>
        {status.state !== 'sent' && (
          <Form onSubmit={() => void submit(data, '')}>
            <p>{texts.intro}</p>
            <Alert message={status.alert} alertRef={alertRef} />
            <fieldset className="field">
              <legend>{texts.about}</legend>
              <label>
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={values.scope === 'page'}
                  onChange={() => update('scope', 'page')}
                />{' '}
                {texts.wholePage}
              </label>
              {sections.length > 0 && (
                <label>
                  <input
                    type="radio"
                    name={`${id}-scope`}
                    checked={values.scope === 'section'}
                    onChange={() =>
                      setValues({ ...values, scope: 'section', section: values.section || (sections[0]?.id ?? '') })
                    }
                  />{' '}
                  {texts.aSection}
                </label>
              )}
            </fieldset>
            {values.scope === 'section' && (
              <Field id={`${id}-section`} label={texts.section} error={err.section}>
                <select id={`${id}-section`} value={values.section} onChange={(e) => update('section', e.target.value)}>
                  {sections.map((section) => (
                    <option key={section.id} value={section.id}>
                      {section.label}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field id={`${id}-category`} label={texts.category} error={err.category}>
              <select
                id={`${id}-category`}
                value={values.category}
                onChange={(e) => update('category', e.target.value)}
              >
                {Object.entries(categories).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-message`} label={texts.message} error={err.message}>
              <textarea
                id={`${id}-message`}
                required
                maxLength={2000}
                value={values.message}
                onChange={(e) => update('message', e.target.value)}
                {...describedBy(`${id}-message`, err.message)}
              />
            </Field>
            {isPilot && (
              <label>
                <input
                  type="checkbox"
                  checked={values.showName}
                  onChange={(e) => update('showName', e.target.checked)}
                />{' '}
                {texts.showName}
              </label>
            )}
            <SubmitButton sending={status.state === 'sending'} label={texts.send} sendingLabel={texts.sending} />
          </Form>
        )}
      </dialog>
    </>
  );
}
