/**
 * English text for bulk checks: why an uploaded file could not be read, and column warnings.
 * Codes: `bulk.import.<ImportErrorCode>`, `bulk.import.<ColumnWarningCode>`.
 */
import type { Catalogue } from '../format';

export const bulkMessages = {
  import: {
    empty: '{file} is empty. Choose a file that lists one domain name per line, or a spreadsheet saved as CSV.',
    binary:
      '{file} is not a text file (it contains binary data). Upload a .txt file or a spreadsheet saved as CSV, ' +
      'not a document, image or archive.',
    spreadsheet:
      '{file} is an Excel workbook, not a CSV file. In Excel, choose File › Save As › CSV UTF-8, then upload that file.',
    encoding:
      '{file} is not in UTF-8 or UTF-16 text encoding. Save it again as “CSV UTF-8” (Excel) or as UTF-8 text, then upload it.',
    'unsupported-type': '{file} is not a .txt or .csv file. Upload a plain-text list or a spreadsheet saved as CSV.',
    'bad-quoting':
      '{file} has a quotation mark that is never closed, starting on line {line}. Nothing was imported. ' +
      'Fix the quotes on that line in the spreadsheet, or save it again as CSV.',
    'bad-field':
      '{file} has text after a closing quotation mark on line {line}. Nothing was imported. ' +
      'Fix the quotes on that line in the spreadsheet, or save it again as CSV.',
    'no-column': 'The file has no column {column}. Pick one of the columns shown in the preview.',
    'wrong-column':
      'Column “{column}” does not look like domain names: only {matching} of its {total} filled cells are domains, ' +
      'e-mail addresses or web addresses. Check that you picked the right column.',
  },
} as const satisfies Catalogue;
