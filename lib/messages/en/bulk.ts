/**
 * English text for bulk checks: why an uploaded file could not be read, column warnings, the run, the results
 * table (filters, selection, pages, the banner for old results) and the two share links.
 * Codes: `bulk.import.<ImportErrorCode>`, `bulk.import.<ColumnWarningCode>`; counted messages have `.one`/`.other`.
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
      '{file} is not in UTF-8, UTF-16 or GB18030 (GBK) text encoding. Save it again as “CSV UTF-8” (Excel) or as UTF-8 text, then upload it.',
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
    inputHeading: 'The list',
  },
  input: {
    columnsDropped:
      'The file’s other columns are too large to keep with the run: the summary export will list the domains without them.',
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
    overLimit:
      'The list has {count} domains, over the limit of {limit} per run, so Start is off. Check the first {limit}, or split the list into runs.',
    startFirst: 'Check the first {limit}',
    split: 'Split into runs: check the first {limit} now, keep the other {rest} in the box for the next run',
    start: 'Start the check',
    starting: 'Checking…',
    operatorsOnly: 'Starting a bulk run needs the Operator role. You can read the runs operators share with you.',
  },
  run: {
    heading: 'Progress',
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
    tooManyRuns:
      'The server cannot keep another run for you right now. Wait until one of your runs finishes (or cancel one), or try again later.',
    readOnly:
      'Only the browser that started this run can cancel or re-check it. Here you can read, filter and export its results.',
  },
  table: {
    heading: 'Results',
    countsLabel: 'Show only this',
    all: 'All ({count})',
    any: 'All',
    option: '{label} ({count})',
    health: 'Health',
    severity: 'Severity (any record)',
    cloud: 'Cloud',
    host: 'DNS host',
    hostGeneric: 'Not recognised',
    record: 'Record',
    recordStatus: 'Record status',
    anyStatus: 'Any status',
    search: 'Search',
    sort: 'Sort by',
    sortBy: {
      domain: 'Domain',
      health: 'Health',
      msoid: 'msoid status',
      cloud: 'Cloud',
      host: 'DNS host',
      checkedAt: 'Checked at',
    },
    /** The order button's text per sort column and direction (`asc` puts the worst, A or the oldest first). */
    order: {
      domain: { asc: 'A → Z', desc: 'Z → A' },
      health: { asc: 'Worst first', desc: 'Healthy first' },
      msoid: { asc: 'Worst first', desc: 'Best first' },
      cloud: { asc: 'A → Z', desc: 'Z → A' },
      host: { asc: 'A → Z', desc: 'Z → A' },
      checkedAt: { asc: 'Oldest first', desc: 'Newest first' },
    },
    orderLabel: 'Order',
    orderHint: 'Reverse the order',
    clearFilters: 'Clear filters',
    filtersHeading: 'Filter and sort',
    filtersOn: 'filters on',
    shown: '{shown} of {total} domains shown',
    domain: 'Domain',
    msoid: 'msoid',
    verdict: 'Verdict',
    checkedAt: 'Checked at',
    actions: 'Actions',
    recheck: 'Re-check',
    rechecking: 'Re-checking…',
    problemRecords: 'Records to look at',
    moreRecords: '+{count} more',
    open: 'Full report',
    recheckUnchecked: 'Re-check all that could not be checked',
    select: 'Select {domain}',
    selectAllShown: 'Select all {count} shown',
    selected: '{count} selected',
    selectedHidden: '{count} selected ({hidden} hidden by the filters)',
    recheckSelected: 'Re-check selected ({count})',
    clearSelection: 'Clear selection',
    pageSize: 'Rows per page',
    pageSizeAll: 'All',
    page: 'Page {page} of {pages} ({count} rows)',
    previous: 'Previous',
    next: 'Next',
    print: 'Print all shown rows',
    printedAt: 'printed {time}',
    printHint:
      'Printing always includes every row that passes the filters. To find text with Ctrl+F, choose All rows per page.',
    none: 'No results match the filters.',
    stale: {
      one: '1 result was checked more than {limit} ago ({age} ago, {time}). DNS may have changed since.',
      other:
        '{count} results were checked more than {limit} ago; the oldest {age} ago ({time}). DNS may have changed since.',
    },
    staleRecheck: 'Re-check all',
  },
  /** "Check until live" for a selection (issue 14 item 4); the status texts are `propagation.watch.*`. */
  watch: {
    start: 'Check selected until live ({count})',
    help: 'Re-checks the selected rows, comparing each record with every resolver, at the times their TTLs run out, until every change you made is live. The table shows the new results.',
    tooMany: 'Check until live follows at most {max} rows at a time; select fewer.',
    heading: 'The selected rows',
    label: { one: '1 domain', other: '{count} domains' },
    unchanged: 'waiting for your change',
    notCompared: 'not compared with the resolvers',
  },
  /** Short cloud names for the table's Cloud column (GCC, GCC High, DoD and Unknown use `cloud.name.*`). */
  cloud: {
    worldwide: 'Worldwide',
    'worldwide-or-gcc': 'Worldwide/GCC',
    '21vianet': '21Vianet',
  },
  export: {
    csv: 'Export CSV',
    json: 'Export JSON',
    heading: 'For the customer',
    summary: 'Summary (CSV)',
    xlsx: 'Workbook (Excel)',
    report: 'Printable report (PDF)',
    failed: 'The file could not be made',
    help:
      'The whole list in this page’s language, with the uploaded file’s other columns and the lines that could not be ' +
      'checked. Export CSV and Export JSON hold the rows shown, with every machine field.',
  },
  /** The summary export and the workbook's summary sheet: one row per input line. */
  summary: {
    header: {
      line: 'Line',
      domain: 'Domain',
      health: 'Health',
      cloud: 'Cloud',
      host: 'DNS host',
      problems: 'Problems',
      fixes: 'Fixes (in the DNS host’s own fields)',
      checkedAt: 'Checked at (UTC)',
    },
    column: 'Column {n}',
    status: {
      rejected: 'Not checked: not a domain we can check',
      duplicate: 'Listed twice',
      pending: 'Not checked yet',
    },
    duplicateOf: 'The same domain as line {line}',
    fix: '{op} {record}: {fields}',
    field: '{label}: {value}',
    fieldSeparator: ' · ',
    placeholder: '{fix} (use your tenant’s own value from the Microsoft 365 admin center)',
    sheet: {
      summary: 'Summary',
      details: 'Details',
    },
  },
  /** The printable report of a whole run (/bulk/report?run=<id>): a cover, a section per domain that needs work. */
  report: {
    title: 'Microsoft 365 DNS report',
    pageTitle: 'Microsoft 365 DNS report: {count} domains',
    intro: 'The Microsoft 365 DNS records of {count} domains, checked between {first} and {last}.',
    introOne: 'The Microsoft 365 DNS records of 1 domain, checked at {first}.',
    none: 'No domain of this list has been checked yet.',
    counts: 'At a glance',
    rejected: 'Lines not checked',
    pending: 'Not checked yet',
    needsWork: 'Domains that need work ({count})',
    needsWorkNone: 'No domain needs work.',
    healthy: 'Healthy domains ({count})',
    healthyNone: 'No domain is healthy yet.',
    notChecked: 'Lines not checked ({count})',
    problems: 'What is wrong',
    fixes: 'What to change at {host}',
    fixesGeneric: 'What to change at your DNS host',
    /** Between a label and what it labels (“Line 10: …”). */
    colon: ': ',
    notRun: '{count} more records were not checked: their lookups were not run after that failure.',
    noFixes: 'Nothing to add, change or delete: look again once the lookups that failed can be done.',
    checkedAt: 'Checked {time}',
    cloud: 'Cloud: {cloud}',
    host: 'DNS host: {host}',
    line: 'Line {line}',
    more: 'Only the first {shown} of the {count} domains that need work have a section here; the workbook (Excel) lists them all.',
    print: 'Print or save as PDF',
    back: 'Back to the results',
    expired: 'This run has expired: its results are no longer kept.',
    notFound: 'There is no such run. Check the link.',
    generated: 'Report made {time}',
  },
  share: {
    heading: 'Share',
    result: 'Result link',
    resultHelp: 'Shows these results as they are, with the time each domain was checked.',
    resultKept: 'Shows these results as they are, with the time each domain was checked. Kept until {time}.',
    copyResult: 'Copy result link',
    input: 'Input link',
    inputHelp: {
      one: 'Checks the same domain again from scratch, with the same cloud and services.',
      other: 'Checks the same {count} domains again from scratch, with the same cloud and services.',
    },
    copyInput: 'Copy input link',
    showText: 'Show the links as text',
  },
} as const satisfies Catalogue;
