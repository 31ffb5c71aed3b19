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
  page: {
    title: 'Bulk check',
    intro: 'Check a whole list of domains: paste it, or upload a .txt file or a spreadsheet saved as CSV.',
    back: 'Back to the single check',
    link: 'Bulk check (many domains)',
  },
  input: {
    label: 'Domains (one per line, or separated by commas or spaces)',
    file: 'Upload a .txt or .csv file',
    drop: 'or drop a file here',
    clearFile: 'Use the text box instead',
    column: 'Column with the domain names',
    columnOption: 'Column {n}: {name}',
    preview: 'First rows of {file}',
    counts: '{valid} to check · {duplicates} duplicates · {rejected} rejected',
    rejected: 'Line {line}: “{input}” — {reason}',
    duplicate: 'Line {line}: “{input}” repeats line {first}',
    overLimit: 'The list has {count} domains, over the limit of {limit} per run. Remove some or split the list.',
    start: 'Start the check',
    starting: 'Starting…',
  },
  run: {
    progress: '{done} of {total} checked',
    rate: '{rate} domains/s',
    eta: 'about {seconds} s left',
    cancel: 'Cancel',
    status: {
      queued: 'Waiting to start',
      running: 'Running',
      done: 'Finished',
      cancelled: 'Cancelled: the results so far are kept',
      expired: 'Expired',
    },
    expired: 'This run has expired: its results are no longer kept. Start a new check.',
    notFound: 'There is no such run. Check the link, or start a new check.',
    error: 'Something went wrong: {message}',
  },
  table: {
    heading: 'Results',
    countsLabel: 'Show only this',
    all: 'All ({count})',
    health: 'Health',
    search: 'Search',
    sort: 'Sort by',
    sortBy: {
      domain: 'Domain',
      health: 'Health (worst first)',
      msoid: 'msoid status (worst first)',
      cloud: 'Cloud',
      host: 'DNS host',
      checkedAt: 'Checked at',
    },
    domain: 'Domain',
    msoid: 'msoid',
    verdict: 'Verdict',
    checkedAt: 'Checked at',
    actions: 'Actions',
    recheck: 'Re-check',
    open: 'Full report',
    recheckUnchecked: 'Re-check all that could not be checked',
    page: 'Page {page} of {pages} ({count} rows)',
    previous: 'Previous',
    next: 'Next',
    none: 'No results match the filter.',
    stale: 'Some of these results are more than 24 hours old (oldest: {time}). Re-check them before relying on them.',
  },
  export: {
    csv: 'Export CSV',
    json: 'Export JSON',
    copyLink: 'Copy result link',
    linkLabel: 'Link to these results',
  },
} as const satisfies Catalogue;
