/**
 * Schemas for what Sectigo's SASP status answers, read tolerantly (`lenient.ts`); what Baton
 * sends on is read strictly (`ids.ts`).
 *
 * Sources: our v1.00 document (`specs/sasp-get-post-payment-status.txt`) and Sectigo's current
 * public docs, https://docs.sectigo.com/sps/get-post-payment-status/request (orderNumber up to 128
 * characters; certificateID "not relevant for VMC/CMC") and, for mark certificates,
 * https://docs.sectigo.com/mcp/mark-certificates/endpoint-get-postpayment-status (a VMC answer with
 * the same section objects: `title`, `status`, `description`, `availableActions`, and `""` for an
 * unset `clickThroughEmailAddress`).
 */
import * as v from 'valibot';
import type { Documented, Open } from '../core/documented.js';
import { convert, shape } from '../core/options.js';
import { textish } from '../core/schemas.js';
import { httpUrlText } from './ids.js';
import { integerish, isRecord, isTextish, lenient, lenientList, lenientOr, mapped, open, optionList, optionalText, textLines, textOf, withoutBlanks } from './lenient.js';
import type { ActionName, DcvMethodType, OrderStatus, SectionStatus } from './vocabulary.js';

/**
 * The actions: a list of strings, documented as an array but sometimes sent as one string (comma or
 * space separated); anything else is no actions.
 */
const actions = v.optional(
  mapped((value) =>
    typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : Array.isArray(value) && value.every(isTextish) ? value.map(String) : [],
  ),
  [],
) as v.GenericSchema<unknown, ActionName[]>;

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
  v.custom<object | string | number>((value) => isTextish(value) || isRecord(value)),
  convert((value) => (isRecord(value) ? value : { status: String(value) })),
);

export const requirementStatusSchema = v.pipe(sectionLike, shape(describedEntries));

/**
 * A section we cannot be sure of the shape of (the ones the changelog added after v1.00, and any
 * other): read like the documented ones, and a bare status text is taken as `{ status }`.
 */
export const looseSectionSchema = v.pipe(
  v.custom<object | string | number>((value) => isTextish(value) || isRecord(value) || Array.isArray(value)),
  // A list (one entry per domain, say) becomes a section whose entries are its checks.
  convert((value) =>
    Array.isArray(value)
      ? Object.fromEntries(value.filter(isRecord).map((item, i) => [textOf(item.domainName ?? item.name ?? item.title) || `#${i + 1}`, item]))
      : isRecord(value)
        ? value
        : { status: String(value) },
  ),
  shape(sectionEntries),
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
  convert((value) => (typeof value === 'string' ? { domainName: value } : value)),
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

export const organizationStatusSchema = shape({
  ...sectionEntries,
  organizationName: lenient(requirementStatusSchema),
  legalExistence: lenient(requirementStatusSchema),
  assumedName: lenient(requirementStatusSchema),
  physicalExistence: lenient(requirementStatusSchema),
  operationalExistence: lenient(requirementStatusSchema),
  trademarkCheck: lenient(requirementStatusSchema),
});

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
      v.custom<string | number | null>((value) => value === null || isTextish(value), 'expected a message'),
      convert((value) => (value === null ? undefined : String(value))),
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

