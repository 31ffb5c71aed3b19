/**
 * English text of the command-line tool (lib/cli): its usage, the terminal table's labels, progress and errors.
 * DNS data inside these texts is escaped by the tool before it reaches a terminal (lib/cli/escape.ts).
 */
export const cliMessages = {
  usage:
    'Usage: m365-dns-health check <domain…> [options]\n' +
    '       m365-dns-health check --file list.txt|list.csv [--column N|name] [options]\n\n' +
    'Options:\n' +
    '  --cloud auto|worldwide|21vianet|gcc|gcchigh|dod   the tenant’s cloud (default auto)\n' +
    '  --services mail,teams,intune|none|auto            the services in use (default: inferred from DNS)\n' +
    '  --lang en|zh-CN                                   language of the report\n' +
    '  --json | --ndjson | --csv | --csv=records         machine-readable output (default: a table)\n' +
    '  --file PATH  --column N|name                      check a list (.txt, or a column of a .csv)\n' +
    '  --server URL [--token TOKEN]                      let a running instance do the checks (or M365_TOKEN)\n\n' +
    'Exit codes: 0 healthy, 1 needs attention, 2 broken, 3 could not check, 4 bad input, 5 error, 130 interrupted.',
  impact: 'Impact: {text}',
  fix: 'Fix: {text}',
  where: 'cloud: {cloud} · DNS host: {host}',
  noProblems: 'No problems found.',
  rejected: 'Line {line}: “{input}” was not checked: {reason}',
  duplicate: 'Line {line}: “{input}” is a duplicate of line {first}.',
  progress: '{done} of {total} checked',
  interrupted: 'Interrupted: {done} of {total} checked.',
  error: {
    list: 'Cannot use this list: {message}',
    noDomain: 'No domain given. Give domain names, or a list with --file.',
    both: 'Give domain names or --file, not both.',
    file: 'Cannot read {file}: {message}',
    column: 'The file has no column {column}.',
    server: '{url} answered {status}: {message}',
    unreachable: 'Cannot reach {url}: {message}',
    tooMany: '{count} domains is more than {limit}, the most one check takes. Split the list.',
  },
} as const;
