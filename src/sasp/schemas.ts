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
import { textish } from '../core/schemas.js';

/** An integer, or an integer string (spaces around allowed). */
export const integerish = v.pipe(
  v.custom<number | string>((value) => Number.isInteger(value) || (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)), 'expected an integer'),
  v.transform(Number),
);

/** An absolute http(s) URL as text (a form field another site redirects to). */
export const httpUrlText = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an absolute http(s) URL'));

export { textish };

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

/**
 * An object whose `entries` are each read by their schema, every other key kept as it is but
 * `__proto__`, `prototype` and `constructor` (what `v.looseObject` does, in a few lines: one
 * valibot function fewer in every bundle). Issues carry the key in their path. `strict`: any other
 * key is an issue (what `v.strictObject` does).
 */
export const shape = <const TEntries extends v.ObjectEntries>(entries: TEntries, strict?: boolean) =>
  v.pipe(
    v.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null, 'expected an object'),
    v.rawTransform(({ dataset: { value: input }, addIssue }) => {
      const output: Record<string, unknown> = {};
      for (const key of Object.keys(input)) {
        if (strict && !Object.hasOwn(entries, key)) addIssue({ message: 'unknown option', path: [{ key }] } as never);
        else if (key !== '__proto__' && key !== 'prototype' && key !== 'constructor') output[key] = input[key];
      }
      for (const key in entries) {
        const result = v.safeParse(entries[key]!, input[key]);
        if (!result.success) for (const issue of result.issues) addIssue({ ...issue, path: [{ key }, ...(issue.path ?? [])] } as never);
        else if (key in output || result.output !== undefined) output[key] = result.output;
      }
      return output as v.InferOutput<v.LooseObjectSchema<TEntries, undefined>>;
    }),
  );

/** Any value, turned into `fn(value)`. */
const mapped = <T>(fn: (value: unknown) => T) => v.pipe(v.custom<unknown>(() => true), v.transform(fn));

/** `schema`, or `fallback` when the value is missing or does not fit. */
const lenientOr = <const TSchema extends v.GenericSchema>(schema: TSchema, fallback: v.InferOutput<TSchema>) =>
  v.optional(
    mapped((value) => {
      const result = v.safeParse(schema, value);
      return result.success ? result.output : fallback;
    }),
    fallback as never,
  ) as v.GenericSchema<unknown, v.InferOutput<TSchema>>;

/** `schema`, or `undefined` when the value does not fit: a display field never rejects the status. */
const lenient = <const TSchema extends v.GenericSchema>(schema: TSchema) =>
  lenientOr(schema as v.GenericSchema<unknown, v.InferOutput<TSchema> | undefined>, undefined);

/** Text typed as an open enum: known values autocomplete, unknown ones are kept (a number as its text). */
const open = <T extends string>() => textish as unknown as v.GenericSchema<unknown, T>;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) => value == null || (typeof value === 'string' && !value.trim());

export const isText = (value: unknown) => typeof value === 'string' || Number.isFinite(value);

/**
 * The actions: a list of strings, documented as an array but sometimes sent as one string (comma or
 * space separated); anything else is no actions.
 */
const actions = v.optional(
  mapped((value) =>
    typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : Array.isArray(value) && value.every(isText) ? value.map(String) : [],
  ),
  [],
) as v.GenericSchema<unknown, ActionName[]>;

/**
 * Text from whatever the live API sends where the document shows a string: a number as its text,
 * a list as lines, an object's text values joined; anything else (a boolean, …) is left out.
 */
const flexText = mapped((value) => textOf(value) || undefined);

const optionalText = v.optional(flexText);

/** The text in any value: strings and numbers, list items, object values (with their key when nested). */
function textOf(value: unknown, depth = 0): string {
  if (isText(value)) return String(value);
  if (depth > 4) return '';
  if (Array.isArray(value)) return value.map((item) => textOf(item, depth + 1)).filter(Boolean).join('; ');
  if (!isRecord(value)) return '';
  return Object.entries(value)
    .map(([key, item]) => (isRecord(item) ? `${key}: ${textOf(item, depth + 1)}` : textOf(item, depth + 1)))
    .filter(Boolean)
    .join(': ');
}

/** Fields every section and every organization requirement has. */
const describedEntries = {
  title: optionalText,
  status: lenientOr(open<SectionStatus>(), 'Unknown'),
  description: optionalText,
};

/** Fields every section has. */
const sectionEntries = { ...describedEntries, availableActions: actions };

/** A section or check given as a bare status text is taken as `{ status }`. */
const sectionLike = v.pipe(
  v.custom<object | string | number>((value) => isText(value) || isRecord(value)),
  v.transform((value) => (isRecord(value) ? value : { status: String(value) })),
);

export const requirementStatusSchema = v.pipe(sectionLike, shape(describedEntries));

/**
 * A section we cannot be sure of the shape of (the ones the changelog added after v1.00, and any
 * other): read like the documented ones, and a bare status text is taken as `{ status }`.
 */
export const looseSectionSchema = v.pipe(
  v.custom<object | string | number>((value) => isText(value) || isRecord(value) || Array.isArray(value)),
  // A list (one entry per domain, say) becomes a section whose entries are its checks.
  v.transform((value) =>
    Array.isArray(value)
      ? Object.fromEntries(value.filter(isRecord).map((item, i) => [textOf(item.domainName ?? item.name ?? item.title) || `#${i + 1}`, item]))
      : isRecord(value)
        ? value
        : { status: String(value) },
  ),
  shape(sectionEntries),
);

/**
 * `latestCAACheckErrors` (v1.01): its shape is not in any document we could read, so any shape
 * becomes lines of text — a string, a list of strings, objects (their text values joined), or a
 * mix. Nothing here rejects the status.
 */
const textLines = mapped((value) => [value].flat().map((item) => textOf(item)).filter(Boolean));

/** A list whose items that do not fit are left out (the rest of the list is kept). */
const lenientList = <const TSchema extends v.GenericSchema>(item: TSchema) =>
  v.optional(
    mapped((list) =>
      (Array.isArray(list) ? list : []).flatMap((entry) => {
        const result = v.safeParse(item, entry);
        return result.success ? [result.output as v.InferOutput<TSchema>] : [];
      }),
    ),
    [],
  );

/** DCV options: strings, or objects whose text is the option (`{ email: 'admin@…' }`). */
const optionList = mapped((value): string[] =>
  value == null ? [] : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [value].flat().map((item) => textOf(item)).filter(Boolean),
);

export const dcvMethodSchema = shape({
  type: lenientOr(open<DcvMethodType>(), ''),
  title: optionalText,
  /** Documented as a string, sent as a number: a number here when it is one, else undefined. */
  level: lenient(integerish),
  selectedMethod: optionalText,
  options: lenientOr(optionList, []),
});

export const domainSchema = v.pipe(
  // A domain given as its bare name.
  v.custom<object | string>((value) => typeof value === 'string' || isRecord(value)),
  v.transform((value) => (typeof value === 'string' ? { domainName: value } : value)),
  shape({
    domainName: lenientOr(textish, ''),
    dcvStatus: lenientOr(open<SectionStatus>(), 'Unknown'),
    selectedMethod: optionalText,
    methods: lenientList(dcvMethodSchema),
  }),
);

export const sectionSchema = v.pipe(sectionLike, shape(sectionEntries));

export const dcvStatusSchema = shape({
  ...sectionEntries,
  domains: lenientList(domainSchema),
  MD5: optionalText,
  SHA256: optionalText,
  uniqueValue: optionalText,
});

export const agreementStatusSchema = shape({
  ...sectionEntries,
  clickThroughStatus: lenient(open<Open<'notExecuted' | 'Executed'>>()),
  clickThroughEmailAddress: optionalText,
  lastEmailSent: optionalText,
  lastOpenDate: optionalText,
});

export const callbackStatusSchema = shape({ ...sectionEntries, phoneNumber: optionalText });

/** The requirement checks of the organization section, in display order. */
export const REQUIREMENT_KEYS = [
  'organizationName',
  'legalExistence',
  'assumedName',
  'physicalExistence',
  'operationalExistence',
  'trademarkCheck',
] as const;

export const organizationStatusSchema = shape({
  ...sectionEntries,
  organizationName: lenient(requirementStatusSchema),
  legalExistence: lenient(requirementStatusSchema),
  assumedName: lenient(requirementStatusSchema),
  physicalExistence: lenient(requirementStatusSchema),
  operationalExistence: lenient(requirementStatusSchema),
  trademarkCheck: lenient(requirementStatusSchema),
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
const postPaymentDataObject = shape({
  orderNumber: textish,
  productType: lenient(integerish),
  productName: optionalText,
  certificateDuration: lenient(integerish),
  productTerm: lenient(integerish),
  // An upload URL or token that is not usable means no upload, not a rejected status.
  uploadDocumentUrl: lenient(httpUrlText),
  uploadDocumentToken: lenient(v.custom<string>((value) => typeof value === 'string' && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value))),
  orderStatus: lenient(open<OrderStatus>()),
  domainName: optionalText,
  primaryDomainName: optionalText,
  maxMDCDomains: lenient(integerish),
  maxMDCWildcardDomains: lenient(integerish),
  csrStatus: lenient(sectionSchema),
  dcvStatus: lenient(dcvStatusSchema),
  agreementStatus: lenient(agreementStatusSchema),
  callbackStatus: lenient(callbackStatusSchema),
  organizationStatus: lenient(organizationStatusSchema),
  secondApprovalStatus: lenient(sectionSchema),
  fsupStatus: lenient(sectionSchema),
  /** v1.01 (changelog of Sectigo's current docs): the CAA check before issuance. */
  caaCheckStatus: lenient(looseSectionSchema),
  /** v1.01: what the last CAA check found, as lines of text. */
  latestCAACheckErrors: v.optional(textLines, []),
  /** v1.02: the mark asserter (mark certificates). */
  maStatus: lenient(looseSectionSchema),
  // v1.03 added fields for VMC/CMC orders whose names we could not find documented: they are kept
  // (this is a loose object), and renderStatus shows any section-like object generically.
});

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData). */
export const postPaymentDataSchema = v.pipe(mapped(withoutBlanks), postPaymentDataObject);

/** The envelope of every `!getPostPaymentStatus` answer. */
export const statusEnvelopeSchema = shape({
  errorCode: integerish,
  errorMessage: v.optional(
    v.pipe(
      v.custom<string | number | null>((value) => value === null || isText(value), 'expected a message'),
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
  v.transform((sid) => sid.trim()),
  v.custom<string>(
    (sid) => /^[\w.~-]{1,16}$/.test(sid as string),
    ({ input }) => (!input ? 'SID is empty' : (input as string).length > 16 ? 'SID is longer than 16 characters' : 'SID may hold only letters, digits and . _ ~ -'),
  ),
);

/**
 * An order number: up to 128 characters, letters allowed (Sectigo's current docs; our v1.00
 * document said 64); numbers are accepted and turned into text.
 */
export const orderNumberSchema = v.pipe(
  textish,
  v.transform((orderNumber) => orderNumber.trim()),
  v.custom<string>(
    (orderNumber) => /^.{1,128}$/s.test(orderNumber as string),
    ({ input }) => (input ? 'orderNumber is longer than 128 characters' : 'orderNumber is empty'),
  ),
);
