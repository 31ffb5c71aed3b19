'use client';

import { useEffect } from 'react';

/** The root custom property that `@page { @bottom-left { content: var(--print-footer) } }` prints (globals.css). */
const PROPERTY = '--print-footer';

/**
 * `text` as a CSS string token: quotes, backslashes, line breaks and other control characters become CSS hex
 * escapes, so nothing in the text can end the string or start another declaration.
 */
export function cssString(text: string): string {
  return `"${text.replace(/["\\\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Puts `text` in the printed page footer (every page, bottom left) while the component is mounted. Margin boxes
 * can only print strings, counters and inherited custom properties, so the text goes into a property on <html>
 * (through the CSSOM, which the CSP allows; a style attribute would not be).
 */
export function usePrintFooter(text: string): void {
  useEffect(() => {
    const root = document.documentElement;
    root.style.setProperty(PROPERTY, cssString(text));
    return () => {
      root.style.removeProperty(PROPERTY);
    };
  }, [text]);
}
