import { Fragment, type ReactNode } from 'react';
import { splitTemplate } from '@/lib/client/template';
import { useT } from './i18n-provider';

/**
 * A catalogue message whose `{param}` slots hold elements (DNS text, badges, links): the sentence and its
 * punctuation come from the catalogue, the values stay React nodes (never HTML strings).
 */
export function Trans({ code, params }: { code: string; params: Readonly<Record<string, ReactNode>> }) {
  const { t } = useT();
  // Without params the translator returns the template with its slots in place.
  const parts = splitTemplate(t(code));
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one template never reorder
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one template never reorder
          <Fragment key={i}>{Object.hasOwn(params, part.name) ? params[part.name] : `{${part.name}}`}</Fragment>
        ),
      )}
    </>
  );
}
