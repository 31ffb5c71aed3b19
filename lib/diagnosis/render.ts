/** The language step: message refs → text, with a catalogue. Pure. */
import { type Catalogue, formatRef } from '@/lib/messages/format';
import type { MessageRef, MsoidFinding } from '@/lib/schema';

/** Fills `text` from `messages` with a catalogue (the language step). */
export function renderFinding(finding: Omit<MsoidFinding, 'text'>, catalogue: Catalogue): MsoidFinding {
  const { verdict, impact, action, notes } = finding.messages;
  return {
    ...finding,
    text: {
      verdict: formatRef(catalogue, verdict),
      impact: formatRef(catalogue, impact),
      action: formatRef(catalogue, action),
      notes: renderNotes(notes, catalogue),
    },
  };
}

/** Renders domain notes (or any list of refs) in order. */
export function renderNotes(notes: readonly MessageRef[], catalogue: Catalogue): string[] {
  return notes.map((n) => formatRef(catalogue, n));
}
