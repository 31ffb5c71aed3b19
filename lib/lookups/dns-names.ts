/** Small name helpers shared by the diagnosis. Pure; every comparison goes through `normalizeName`. */

/** Lower-case, trimmed, without trailing dots: the one form names are compared in. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, '');
}

/**
 * True when `name` is `suffix` or ends with `.suffix`, matching whole labels only, case-insensitive,
 * trailing dots ignored. `evilmail.protection.outlook.com` does not end with `mail.protection.outlook.com`.
 */
export function hasSuffix(name: string, suffix: string): boolean {
  const n = normalizeName(name);
  const s = normalizeName(suffix);
  return n === s || n.endsWith(`.${s}`);
}

/** True when both names are the same DNS name (case-insensitive, trailing dot ignored). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
