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
import type { Open } from '../core/documented.js';
import { convert, shape } from '../core/options.js';
import { textish } from '../core/schemas.js';
import { httpUrlText } from './ids.js';
import { integerish, isRecord, isTextish, lenient, lenientList, lenientOr, mapped, open, optionList, optionalText, textLines, textOf, withoutBlanks } from './lenient.js';
import type { ActionName, DcvMethodType, OrderStatus, SectionStatus } from './vocabulary.js';

// The types of what these schemas read are plain interfaces in `status-types.ts` (no valibot type
// is published); test/unit/sasp/types.test.ts checks that they agree.
export type {
  AgreementStatus,
  CallbackStatus,
  DcvDomain,
  DcvMethod,
  DcvStatus,
  LooseSection,
  OrganizationStatus,
  PostPaymentSection,
  PostPaymentStatus,
  RequirementStatus,
} from './status-types.js';

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

const RequirementStatusSchema = v.pipe(sectionLike, shape(describedEntries));

/**
 * A section we cannot be sure of the shape of (the ones the changelog added after v1.00, and any
 * other): read like the documented ones, and a bare status text is taken as `{ status }`.
 */
export const LooseSectionSchema = v.pipe(
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

const DcvMethodSchema = shape({
  type: lenientOr(open<DcvMethodType>(), ''),
  title: optionalText,
  /** Documented as a string, sent as a number: a number here when it is one, else undefined. */
  level: lenient(integerish),
  selectedMethod: optionalText,
  options: lenientOr(optionList, []),
});

const DcvDomainSchema = v.pipe(
  // A domain given as its bare name.
  v.custom<object | string>((value) => typeof value === 'string' || isRecord(value)),
  convert((value) => (typeof value === 'string' ? { domainName: value } : value)),
  shape({
    domainName: lenientOr(textish, ''),
    dcvStatus: lenientOr(open<SectionStatus>(), 'Unknown'),
    selectedMethod: optionalText,
    methods: lenientList(DcvMethodSchema),
  }),
);

const SectionSchema = v.pipe(sectionLike, shape(sectionEntries));

const DcvStatusSchema = shape({
  ...sectionEntries,
  domains: lenientList(DcvDomainSchema),
  MD5: optionalText,
  SHA256: optionalText,
  uniqueValue: optionalText,
});

const AgreementStatusSchema = shape({
  ...sectionEntries,
  clickThroughStatus: lenient(open<Open<'notExecuted' | 'Executed'>>()),
  clickThroughEmailAddress: optionalText,
  lastEmailSent: optionalText,
  lastOpenDate: optionalText,
});

const CallbackStatusSchema = shape({ ...sectionEntries, phoneNumber: optionalText });

const OrganizationStatusSchema = shape({
  ...sectionEntries,
  organizationName: lenient(RequirementStatusSchema),
  legalExistence: lenient(RequirementStatusSchema),
  assumedName: lenient(RequirementStatusSchema),
  physicalExistence: lenient(RequirementStatusSchema),
  operationalExistence: lenient(RequirementStatusSchema),
  trademarkCheck: lenient(RequirementStatusSchema),
});

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData), with nulls and blanks dropped. */
const PostPaymentDataObjectSchema = shape({
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
  csrStatus: lenient(SectionSchema),
  dcvStatus: lenient(DcvStatusSchema),
  agreementStatus: lenient(AgreementStatusSchema),
  callbackStatus: lenient(CallbackStatusSchema),
  organizationStatus: lenient(OrganizationStatusSchema),
  secondApprovalStatus: lenient(SectionSchema),
  fsupStatus: lenient(SectionSchema),
  /** v1.01 (changelog of Sectigo's current docs): the CAA check before issuance. */
  caaCheckStatus: lenient(LooseSectionSchema),
  /** v1.01: what the last CAA check found, as lines of text. */
  latestCAACheckErrors: v.optional(textLines, []),
  /** v1.02: the mark asserter (mark certificates). */
  maStatus: lenient(LooseSectionSchema),
  // v1.03 added fields for VMC/CMC orders whose names we could not find documented: they are kept
  // (this is a loose object), and renderStatus shows any section-like object generically.
});

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData). */
export const PostPaymentDataSchema = v.pipe(mapped(withoutBlanks), PostPaymentDataObjectSchema);

/** The envelope of every `!getPostPaymentStatus` answer. */
export const StatusEnvelopeSchema = shape({
  errorCode: integerish,
  errorMessage: v.optional(
    v.pipe(
      v.custom<string | number | null>((value) => value === null || isTextish(value), 'expected a message'),
      convert((value) => (value === null ? undefined : String(value))),
    ),
  ),
});
