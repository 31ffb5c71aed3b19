/** The language step: message refs → text, with a catalogue. Pure. */
import { type Catalogue, formatRef } from '@/lib/messages/format';
import type { FindingText, MessageRef, MsoidFinding } from '@/lib/schema';

type FindingMessages = { verdict: MessageRef; impact: MessageRef; action: MessageRef; notes: readonly MessageRef[] };

/** Renders the three layers of any finding (verdict, impact, action, notes). */
export function renderText(messages: FindingMessages, catalogue: Catalogue): FindingText {
  return {
    verdict: formatRef(catalogue, messages.verdict),
    impact: formatRef(catalogue, messages.impact),
    action: formatRef(catalogue, messages.action),
    notes: renderNotes(messages.notes, catalogue),
  };
}

/** Fills `text` from `messages` with a catalogue (the language step). */
export function renderFinding(finding: Omit<MsoidFinding, 'text'>, catalogue: Catalogue): MsoidFinding {
  return { ...finding, text: renderText(finding.messages, catalogue) };
}

/** Renders domain notes (or any list of refs) in order. */
export function renderNotes(notes: readonly MessageRef[], catalogue: Catalogue): string[] {
  return notes.map((n) => formatRef(catalogue, n));
}
