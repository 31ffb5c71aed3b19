import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a controlled text box or select: what was typed, pasted or chosen before the page's scripts ran is in the
 * control but not in React's state (React takes it as the starting value and sees no change, and the next render
 * puts the state back). Returns the ref for the control; on arrival, once, its value is handed to `onText` when it
 * differs from `text`.
 */
export function useTypedText<E extends HTMLTextAreaElement | HTMLSelectElement = HTMLTextAreaElement>(
  text: string,
  onText: (text: string) => void,
): RefObject<E | null> {
  const box = useRef<E>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration
  useEffect(() => {
    const typed = box.current?.value;
    if (typed !== undefined && typed !== text) onText(typed);
  }, []);
  return box;
}
