/**
 * About `bytes` of pasted text: domains, web and e-mail addresses and junk lines, one per line. The browser tests
 * and the bench (`bench/paste.ts`) paste the same list.
 */
export function pastedText(bytes: number): { text: string; lines: number } {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const line =
      i % 11 === 0
        ? `not a domain ${i}`
        : i % 5 === 0
          ? `https://www.d${i}.test/path`
          : i % 3 === 0
            ? `admin@d${i}.test`
            : `d${i}.test`;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join('\n'), lines: lines.length };
}
