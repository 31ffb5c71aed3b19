/**
 * The helpdesk answer that starts from what the caller reports: for each symptom, whether this domain's DNS
 * explains it (yes, no, or can't tell because a lookup that matters failed or the cloud isn't known), two or
 * three plain sentences for the caller, and who must act. Only the findings that bear on the symptom count
 * (docs/m365-dns-facts.md §msoid-21vianet, §msoid-outside-21vianet, §msoid-gov, §mx, §autodiscover):
 *
 * | symptom | DNS explains it when |
 * |---|---|
 * | slow sign-in | 21Vianet: msoid missing |
 * | sign-in fails | 21Vianet: msoid wrong target (a loop or a dead end included) or not a CNAME |
 * | Office won't activate | outside 21Vianet: an msoid record exists (critical with the 21Vianet target) |
 * | mail doesn't arrive | MX missing, not Microsoft's, another MX preferred or sharing, a null MX |
 * | Outlook can't set up the mailbox | autodiscover missing, wrong, proxied or clashing |
 *
 * A domain that doesn't exist explains every symptom. The text stands alone in a ticket (no "below"). Pure.
 */
import {
  type CloudReport,
  type MessageRef,
  type MsoidFinding,
  type RecordFinding,
  SYMPTOMS,
  type Symptom,
  type SymptomAnswer,
} from '@/lib/schema';

export type SymptomInput = {
  display: string;
  zone: string;
  cloud: CloudReport;
  msoid: Pick<MsoidFinding, 'status' | 'code'>;
  records: readonly Pick<RecordFinding, 'id' | 'status' | 'code' | 'outcome'>[];
  /** The DNS host's id, or null (its name is the reader's language's: `withHostName`). */
  hostId: string | null;
};

export type SymptomResult = { answer: SymptomAnswer; messages: MessageRef[] };

type Verdict = { answer: SymptomAnswer; reason?: string; act?: string };

const ref = (code: string, params: MessageRef['params'] = {}): MessageRef => ({ code, params });

/** The verdicts that rest on msoid (the sign-in and activation symptoms). */
function msoidVerdict(symptom: Symptom, input: SymptomInput): Verdict {
  const { status, code } = input.msoid;
  if (status === 'lookup-failed') return { answer: 'cant-tell', reason: 'unchecked' };
  const cloud = input.cloud.effective;
  if (cloud === 'unknown') return { answer: 'cant-tell', reason: 'cloud' };
  const china = cloud === '21vianet';
  if (symptom === 'slow-sign-in') {
    return china && status === 'missing'
      ? { answer: 'yes', reason: 'msoid-missing', act: 'add-msoid' }
      : { answer: 'no' };
  }
  if (symptom === 'sign-in-fails') {
    return china && (status === 'wrong-target' || status === 'not-cname')
      ? { answer: 'yes', reason: 'msoid-wrong', act: 'fix-msoid' }
      : { answer: 'no' };
  }
  // Activation: outside 21Vianet, any msoid record is one to remove.
  if (!china && status === 'must-remove') {
    return {
      answer: 'yes',
      reason: code.includes('21vianet') ? 'msoid-21vianet' : 'msoid-legacy',
      act: 'remove-msoid',
    };
  }
  return { answer: 'no' };
}

/** The verdict on mail delivery, from the MX row. */
function mailVerdict(mx: SymptomInput['records'][number] | undefined): Verdict {
  if (!mx) return { answer: 'cant-tell', reason: 'unchecked' };
  if (mx.status === 'lookup-failed') return { answer: 'cant-tell', reason: 'unchecked' };
  if (mx.code.includes('null-mx')) return { answer: 'yes', reason: 'mx-null', act: 'fix-mx' };
  if (mx.status === 'missing') return { answer: 'yes', reason: 'mx-missing', act: 'add-mx' };
  if (mx.status === 'not-applicable' || /third-party|other-cloud/.test(mx.code)) {
    return { answer: 'yes', reason: 'mx-elsewhere', act: 'fix-mx' };
  }
  if (/priority|extra-mx/.test(mx.code)) return { answer: 'yes', reason: 'mx-shared', act: 'fix-mx' };
  return { answer: 'no' };
}

/** The verdict on Outlook's automatic set-up, from the autodiscover row. */
function outlookVerdict(autodiscover: SymptomInput['records'][number] | undefined): Verdict {
  if (!autodiscover || autodiscover.status === 'lookup-failed') return { answer: 'cant-tell', reason: 'unchecked' };
  if (autodiscover.status === 'not-applicable') return { answer: 'yes', reason: 'mail-elsewhere', act: 'fix-mx' };
  if (autodiscover.outcome === 'problem') return { answer: 'yes', reason: 'autodiscover', act: 'fix-autodiscover' };
  return { answer: 'no' };
}

function verdictOf(symptom: Symptom, input: SymptomInput): Verdict {
  if (input.msoid.status === 'domain-not-found') return { answer: 'yes', reason: 'not-found' };
  const row = (id: string) => input.records.find((r) => r.id === id);
  if (symptom === 'mail') return mailVerdict(row('mx'));
  if (symptom === 'outlook-setup') return outlookVerdict(row('autodiscover'));
  return msoidVerdict(symptom, input);
}

/** The answer to `symptom` as message references: the yes/no/can't-tell line, why, and who must act. */
export function symptomAnswer(symptom: Symptom, input: SymptomInput): SymptomResult {
  const verdict = verdictOf(symptom, input);
  const domain = input.display;
  const messages = [ref(`helpdesk.symptom.answer.${verdict.answer}`, { domain })];
  if (verdict.answer === 'no') messages.push(ref(`helpdesk.symptom.no.${symptom}`, { domain }));
  if (verdict.reason) messages.push(ref(`helpdesk.symptom.reason.${verdict.reason}`, { domain }));
  if (verdict.act) {
    messages.push(ref(`helpdesk.symptom.act.${verdict.act}`, {}));
    messages.push(
      input.hostId
        ? ref('helpdesk.symptom.who.host', { zone: input.zone, host: input.hostId })
        : ref('helpdesk.symptom.who.generic', { zone: input.zone }),
    );
  }
  return { answer: verdict.answer, messages };
}

/** The answer to every symptom. */
export function symptomAnswers(input: SymptomInput): Record<Symptom, SymptomResult> {
  return Object.fromEntries(SYMPTOMS.map((s) => [s, symptomAnswer(s, input)])) as Record<Symptom, SymptomResult>;
}
