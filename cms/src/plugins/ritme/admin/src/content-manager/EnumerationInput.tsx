/**
 * The Content Manager's input for every enumeration (registered with
 * `app.addFields`, which Strapi renders before its own): Ritme's choices read
 * "Elke week" / "Every week" in the admin's language and still save `weekly`;
 * every other enumeration gets exactly what Strapi gives it — the raw values.
 * Both render Strapi's own select (label, hint, error, required marker,
 * keyboard), so the field behaves like any other in the form.
 */
import { choiceLabel, editorLocale, editorTypeOf } from '@ritme/shared/editor-fields';
import { InputRenderer } from '@strapi/strapi/admin';
import type * as React from 'react';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';

type InputProps = React.ComponentProps<typeof InputRenderer>;
/** What the Content Manager hands an added field: the input's props and the attribute it edits. */
type Props = { name: string; type: string; attribute: { enum: string[] } } & Record<string, unknown>;

export function EnumerationInput(props: Props) {
  const { slug } = useParams<{ slug: string }>();
  const { locale } = useIntl();
  const type = editorTypeOf(slug);
  const options = props.attribute.enum.map((value) => {
    const label = type ? choiceLabel(type, props.name, value, editorLocale(locale)) : undefined;
    return label ? { value, label } : { value };
  });
  const input = { ...props, type: 'enumeration', options } as unknown as InputProps;
  return <InputRenderer {...input} />;
}
