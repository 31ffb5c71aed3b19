/** Reads a PDF's text back (pdfjs-dist), page by page: what a printed page says, for the browser tests. */

/**
 * The text of each page of `pdf`, its items joined by spaces (whitespace runs collapsed), NFKC-normalised: a font may
 * map a CJK character to its compatibility form (⼆ for 二). CJK text can come split into items: compare without
 * spaces (`squash`).
 */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string[]> {
  // pdf.mjs is an ES module with top-level await: imported when needed, not required.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(text.normalize('NFKC').replace(/\s+/g, ' ').trim());
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** `text` without whitespace, to compare CJK text read back from a PDF. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
