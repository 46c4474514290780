/**
 * Schemas for what Sectigo's SASP answers. Tolerant where the provider is sloppy (numbers as
 * strings and back, unknown enum values, a string where an array is documented, `null` or `""`
 * where a value is documented) and strict where safety needs it (session ids, tokens, URLs).
 *
 * Sources: our v1.00 document (`specs/sasp-get-post-payment-status.txt`) and Sectigo's current
 * public docs, https://docs.sectigo.com/sps/get-post-payment-status/request (orderNumber up to 128
 * characters; certificateID "not relevant for VMC/CMC") and, for mark certificates,
 * https://docs.sectigo.com/mcp/mark-certificates/endpoint-get-postpayment-status (a VMC answer with
 * the same section objects: `title`, `status`, `description`, `availableActions`, and `""` for an
 * unset `clickThroughEmailAddress`).
 */
import * as v from 'valibot';
import type { Documented } from '../core/documented.js';
import { httpUrlText, integerish, textish } from '../core/schemas.js';

export { integerish, textish };

/** A documented value, or any other string the provider sends (kept as is, never rejected). */
export type Open<T extends string> = T | (string & {});

/** Status of a section: documented values, or whatever else Sectigo sends (e.g. `notCompleted`). */
export type SectionStatus = Open<'NotApplicable' | 'ActionRequired' | 'Completed' | 'InProgress' | 'Unknown'>;

/** Order status as documented, or any other value. */
export type OrderStatus = Open<
  'Current' | 'Awaiting Payment' | 'Payment Promised' | 'Pending' | 'Awaiting Authorization' | 'Processed' | 'Rejected' | 'Refunded' | 'ERROR!!!'
>;

/** Every action the status document lists, or any other value. */
export type ActionName = Open<
  | 'needProvideCSR'
  | 'canReplaceCSR'
  | 'selectDCVMethod'
  | 'canChangeDCVMethod'
  | 'enterDCVCode'
  | 'canUpdateEmailAddress'
  | 'resendAgreementEmail'
  | 'needUpdateEmailAddress'
  | 'callMeNow'
  | 'callMeLater'
  | 'provideCorrectPhoneNumber'
  | 'enterCallbackCode'
  | 'requestManualCallback'
  | 'uploadDocument'
>;

/** DCV method type of the status document. */
export type DcvMethodType = Open<'whoisEmail' | 'email' | 'csrHash' | 'manual'>;

/** Text typed as an open enum: known values autocomplete, unknown ones are kept (a number as its text). */
const open = <T extends string>() => v.pipe(textish, v.transform((value) => value as T));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) => value == null || (typeof value === 'string' && !value.trim());

const isText = (value: unknown) => typeof value === 'string' || Number.isFinite(value);

/** A list of strings documented as an array but sometimes sent as one string (comma or space separated). */
const stringList = v.optional(
  v.pipe(
    v.custom<unknown>((value) => value == null || typeof value === 'string' || Array.isArray(value), 'expected a list or a string'),
    v.transform((value) => (value == null ? [] : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : value)),
    v.array(textish),
  ),
  [],
);

const actions = v.pipe(stringList, v.transform((list) => list as ActionName[]));

const optionalText = v.optional(textish);

/** Fields every section and every organization requirement has. */
const describedEntries = {
  title: optionalText,
  status: v.optional(open<SectionStatus>(), 'Unknown'),
  description: optionalText,
};

/** Fields every section has. */
const sectionEntries = { ...describedEntries, availableActions: actions };

export const requirementStatusSchema = v.looseObject(describedEntries);

/**
 * A section we cannot be sure of the shape of (the ones the changelog added after v1.00, and any
 * other): read like the documented ones, and a bare status text is taken as `{ status }`.
 */
export const looseSectionSchema = v.pipe(
  v.custom<object | string | number>((value) => isText(value) || isRecord(value), 'expected a section'),
  v.transform((value) => (isRecord(value) ? value : { status: String(value) })),
  v.looseObject(sectionEntries),
);

/**
 * `latestCAACheckErrors` (v1.01): its shape is not in any document we could read, so any shape
 * becomes lines of text — a string, a list of strings, objects (their text values joined), or a
 * mix. Nothing here rejects the status.
 */
const textLines = v.pipe(
  v.unknown(),
  v.transform((value) =>
    [value]
      .flat()
      .map((item) => (isRecord(item) ? Object.values(item).filter(isText).join(': ') : isText(item) ? String(item) : ''))
      .filter(Boolean),
  ),
);

export const dcvMethodSchema = v.looseObject({
  type: v.optional(open<DcvMethodType>(), ''),
  title: optionalText,
  /** Documented as a string, sent as a number: always a number here (or undefined). */
  level: v.optional(integerish),
  selectedMethod: optionalText,
  options: stringList,
});

export const domainSchema = v.looseObject({
  domainName: v.optional(textish, ''),
  dcvStatus: v.optional(open<SectionStatus>(), 'Unknown'),
  selectedMethod: optionalText,
  methods: v.optional(v.array(dcvMethodSchema), []),
});

export const sectionSchema = v.looseObject(sectionEntries);

export const dcvStatusSchema = v.looseObject({
  ...sectionEntries,
  domains: v.optional(v.array(domainSchema), []),
  MD5: optionalText,
  SHA256: optionalText,
  uniqueValue: optionalText,
});

export const agreementStatusSchema = v.looseObject({
  ...sectionEntries,
  clickThroughStatus: v.optional(open<Open<'notExecuted' | 'Executed'>>()),
  clickThroughEmailAddress: optionalText,
  lastEmailSent: optionalText,
  lastOpenDate: optionalText,
});

export const callbackStatusSchema = v.looseObject({ ...sectionEntries, phoneNumber: optionalText });

/** The requirement checks of the organization section, in display order. */
export const REQUIREMENT_KEYS = [
  'organizationName',
  'legalExistence',
  'assumedName',
  'physicalExistence',
  'operationalExistence',
  'trademarkCheck',
] as const;

export const organizationStatusSchema = v.looseObject({
  ...sectionEntries,
  organizationName: v.optional(requirementStatusSchema),
  legalExistence: v.optional(requirementStatusSchema),
  assumedName: v.optional(requirementStatusSchema),
  physicalExistence: v.optional(requirementStatusSchema),
  operationalExistence: v.optional(requirementStatusSchema),
  trademarkCheck: v.optional(requirementStatusSchema),
});

/**
 * Drops `null` and blank-string values from objects and lists (a few levels deep, as deep as the
 * status goes): the live API sends `null` or `""` where the document shows a value, and that means
 * "not there" — a missing title, an upload that is not available. `raw` keeps them.
 */
function withoutBlanks(value: unknown, depth = 0): unknown {
  if (depth > 8 || typeof value !== 'object' || !value) return value;
  if (Array.isArray(value)) return value.filter((item) => !isBlank(item)).map((item) => withoutBlanks(item, depth + 1));
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // (A "__proto__" key would set the prototype; schemas drop it anyway, `raw` keeps it.)
    if (!isBlank(item) && key !== '__proto__') kept[key] = withoutBlanks(item, depth + 1);
  }
  return kept;
}

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData), with nulls and blanks dropped. */
const postPaymentDataObject = v.looseObject({
  orderNumber: textish,
  productType: v.optional(integerish),
  productName: optionalText,
  certificateDuration: v.optional(integerish),
  productTerm: v.optional(integerish),
  uploadDocumentUrl: v.optional(httpUrlText),
  uploadDocumentToken: v.optional(v.pipe(v.string(), v.regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'expected a JWT'))),
  orderStatus: v.optional(open<OrderStatus>()),
  domainName: optionalText,
  primaryDomainName: optionalText,
  maxMDCDomains: v.optional(integerish),
  maxMDCWildcardDomains: v.optional(integerish),
  csrStatus: v.optional(sectionSchema),
  dcvStatus: v.optional(dcvStatusSchema),
  agreementStatus: v.optional(agreementStatusSchema),
  callbackStatus: v.optional(callbackStatusSchema),
  organizationStatus: v.optional(organizationStatusSchema),
  secondApprovalStatus: v.optional(sectionSchema),
  fsupStatus: v.optional(sectionSchema),
  /** v1.01 (changelog of Sectigo's current docs): the CAA check before issuance. */
  caaCheckStatus: v.optional(looseSectionSchema),
  /** v1.01: what the last CAA check found, as lines of text. */
  latestCAACheckErrors: v.optional(textLines, []),
  /** v1.02: the mark asserter (mark certificates). */
  maStatus: v.optional(looseSectionSchema),
  // v1.03 added fields for VMC/CMC orders whose names we could not find documented: they are kept
  // (this is a loose object), and renderStatus shows any section-like object generically.
});

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData). */
export const postPaymentDataSchema = v.pipe(
  v.unknown(),
  v.transform(withoutBlanks),
  postPaymentDataObject,
);

/** The envelope of every `!getPostPaymentStatus` answer. */
export const statusEnvelopeSchema = v.looseObject({
  errorCode: integerish,
  errorMessage: v.optional(
    v.pipe(
      v.custom<string | number | null>((value) => value === null || typeof value === 'string' || Number.isFinite(value), 'expected a message'),
      v.transform((value) => (value === null ? undefined : String(value))),
    ),
  ),
});

export interface PostPaymentSection extends Documented<v.InferOutput<typeof sectionSchema>> {}
/** A section read tolerantly: the v1.01–v1.03 additions and any section we do not know. */
export interface LooseSection extends Documented<v.InferOutput<typeof looseSectionSchema>> {}
export interface DcvStatus extends Documented<v.InferOutput<typeof dcvStatusSchema>> {}
export interface DcvDomain extends Documented<v.InferOutput<typeof domainSchema>> {}
export interface DcvMethod extends Documented<v.InferOutput<typeof dcvMethodSchema>> {}
export interface AgreementStatus extends Documented<v.InferOutput<typeof agreementStatusSchema>> {}
export interface CallbackStatus extends Documented<v.InferOutput<typeof callbackStatusSchema>> {}
export interface OrganizationStatus extends Documented<v.InferOutput<typeof organizationStatusSchema>> {}
export interface RequirementStatus extends Documented<v.InferOutput<typeof requirementStatusSchema>> {}

/** The typed post-payment status. `raw` is the provider's `data` object exactly as received. */
export interface PostPaymentStatus extends Documented<v.InferOutput<typeof postPaymentDataSchema>> {
  /** The answer's `data` exactly as received (fields Baton does not document included). */
  readonly raw: unknown;
}

/** A SASP session handle: up to 16 characters, no whitespace or separators. */
export const sidSchema = v.pipe(
  v.string('SID must be a string'),
  v.trim(),
  v.minLength(1, 'SID is empty'),
  v.maxLength(16, 'SID is longer than 16 characters'),
  v.regex(/^[\w.~-]+$/, 'SID has characters outside letters, digits, ".", "_", "~", "-"'),
);

/**
 * An order number: up to 128 characters, letters allowed (Sectigo's current docs; our v1.00
 * document said 64); numbers are accepted and turned into text.
 */
export const orderNumberSchema = v.pipe(
  textish,
  v.trim(),
  v.minLength(1, 'orderNumber is empty'),
  v.maxLength(128, 'orderNumber is longer than 128 characters'),
);
