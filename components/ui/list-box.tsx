'use client';

import { memo, type Ref, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'ref'> & {
  value: string;
  /** Keep it stable (a state setter, or a useCallback): a new function renders the box again. */
  onText: (text: string) => void;
  boxRef?: Ref<HTMLTextAreaElement>;
};

/**
 * The text box of a domain list, rendered again only when its own props change. Every render of a controlled
 * text box makes React read its `value` and `defaultValue` back from the DOM and compare them with the text: with
 * a 5 MB paste that is two copies of 5 MB and a 5 MB comparison, each time. Without this memo the page's
 * "Reading… N %" updates (one per per cent) did that about a hundred times while the list was read: 30–40 ms of
 * script and 10–20 MB of garbage a frame (docs/performance.md, "A 5 MB paste").
 */
export const ListBox = memo(function ListBox({ value, onText, boxRef, ...rest }: Props) {
  return <textarea ref={boxRef} value={value} onChange={(event) => onText(event.target.value)} {...rest} />;
});
