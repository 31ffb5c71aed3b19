/**
 * A table cell's column name, shown only on a phone, where a table reads as one card a row (its header row hidden
 * below `sm`). Normal weight, so a bold cell (a status) doesn't make its label bold too.
 */
export function CellLabel({ text }: { text: string }) {
  return <span className="mr-2 text-xs font-normal uppercase text-slate-500 sm:hidden">{text}</span>;
}
