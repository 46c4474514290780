// Which sections of a post-payment status to show, in which order, with which details.
import * as v from 'valibot';
import { isRecord, isTextish } from './lenient.js';
import { LooseSectionSchema, type LooseSection, type PostPaymentStatus } from './schemas.js';
import type { SectionName } from './vocabulary.js';
import { lookup } from '../core/lookup.js';

/** Known sections in display order: name, key in the answer, title when the answer has none. */
const SECTIONS: ReadonlyArray<readonly [SectionName, string, string]> = [
  ['csr', 'csrStatus', 'Certificate signing request'],
  ['dcv', 'dcvStatus', 'Domain control validation'],
  ['caa', 'caaCheckStatus', 'CAA check'],
  ['agreement', 'agreementStatus', 'Agreement'],
  ['callback', 'callbackStatus', 'Callback'],
  ['organization', 'organizationStatus', 'Organization validation'],
  ['ma', 'maStatus', 'Mark asserter verification'],
  ['secondApproval', 'secondApprovalStatus', 'Second approval'],
  ['fsup', 'fsupStatus', 'Fast service'],
];

/** The labelled values of the documented sections, shown in `__details` (labels: `StatusMessages.fields`). */
const DETAIL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  dcv: ['MD5', 'SHA256', 'uniqueValue'],
  agreement: ['clickThroughStatus', 'clickThroughEmailAddress', 'lastEmailSent', 'lastOpenDate'],
  callback: ['phoneNumber'],
};

export /** Text of a value the schema did not check (a field of an unknown section), or undefined. */
const text = (value: unknown) => (isTextish(value) ? String(value) : undefined);

export type Section = LooseSection & Record<string, unknown>;

/** The sections to show, in order: the known ones, then any other section-like object of the answer. */
export function sectionsOf(status: PostPaymentStatus): Array<[SectionName, Section, string]> {
  const data = status as unknown as Record<string, unknown>;
  const found: Array<[SectionName, Section, string]> = [];
  for (const [name, key, title] of SECTIONS) {
    let section = lookup(data, key) as Section | undefined;
    // CAA errors without a CAA section still deserve one.
    if (!section && name === 'caa' && status.latestCAACheckErrors.length) section = { status: 'Unknown', availableActions: [] };
    if (isRecord(section)) found.push([name, section, title]);
  }
  for (const [key, value] of Object.entries(data)) {
    // Any other object that reads as a section: named `…Status`, or with a status, title or description.
    if (SECTIONS.some((known) => known[1] === key) || !isRecord(value)) continue;
    if (!(key.endsWith('Status') || text(value.status) || text(value.title) || text(value.description))) continue;
    const parsed = v.safeParse(LooseSectionSchema, value);
    const name = key.replace(/Status$/, '');
    // The key becomes a class name: only plain names.
    if (parsed.success) found.push([/^[\w-]+$/.test(name) ? name : 'other', parsed.output as Section, key]);
  }
  return found;
}

/** `[key, value]` of the section's labelled values that are present. */
export function detailsOf(name: SectionName, data: Record<string, unknown>): Array<[string, string]> {
  return (lookup(DETAIL_FIELDS, name) ?? []).flatMap((key): Array<[string, string]> => {
    const value = text(lookup(data, key));
    return value === undefined ? [] : [[key, value]];
  });
}
