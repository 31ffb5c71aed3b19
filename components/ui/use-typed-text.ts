import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a controlled text box: text typed or pasted before the page's scripts ran is in the box but not in React's
 * state (React takes it as the starting value and sees no change). Returns the ref for the box; on arrival, once,
 * its text is handed to `onText` when it differs from `text`.
 */
export function useTypedText(text: string, onText: (text: string) => void): RefObject<HTMLTextAreaElement | null> {
  const box = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on hydration
  useEffect(() => {
    const typed = box.current?.value;
    if (typed !== undefined && typed !== text) onText(typed);
  }, []);
  return box;
}
