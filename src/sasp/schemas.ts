/**
 * Schemas for what Sectigo's SASP answers. Tolerant where the provider is sloppy (numbers as
 * strings and back, unknown enum values, a string where an array is documented) and strict where
 * safety needs it (session ids, tokens).
 */
import * as v from 'valibot';
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

/** A string typed as an open enum: known values autocomplete, unknown ones are kept. */
const open = <T extends string>() => v.pipe(v.string(), v.transform((value) => value as T));

/** An integer sent as a number or as a numeric string (`"-4"`). */

/** Text sent as a string or as a number (`orderNumber: 654824`). */

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

export const dcvMethodSchema = v.looseObject({
  type: open<DcvMethodType>(),
  title: optionalText,
  /** Documented as a string, sent as a number: always a number here (or undefined). */
  level: v.optional(integerish),
  selectedMethod: optionalText,
  options: stringList,
});

export const domainSchema = v.looseObject({
  domainName: textish,
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

/** `data` of a successful `!getPostPaymentStatus` answer (PostPaymentData). */
export const postPaymentDataSchema = v.looseObject({
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
});

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

export type PostPaymentSection = v.InferOutput<typeof sectionSchema>;
export type DcvStatus = v.InferOutput<typeof dcvStatusSchema>;
export type DcvDomain = v.InferOutput<typeof domainSchema>;
export type DcvMethod = v.InferOutput<typeof dcvMethodSchema>;
export type AgreementStatus = v.InferOutput<typeof agreementStatusSchema>;
export type CallbackStatus = v.InferOutput<typeof callbackStatusSchema>;
export type OrganizationStatus = v.InferOutput<typeof organizationStatusSchema>;
export type RequirementStatus = v.InferOutput<typeof requirementStatusSchema>;

/** The typed post-payment status. `raw` is the provider's `data` object exactly as received. */
export type PostPaymentStatus = v.InferOutput<typeof postPaymentDataSchema> & { readonly raw: unknown };

/** A SASP session handle: up to 16 characters, no whitespace or separators. */
export const sidSchema = v.pipe(
  v.string('SID must be a string'),
  v.trim(),
  v.minLength(1, 'SID is empty'),
  v.maxLength(16, 'SID is longer than 16 characters'),
  v.regex(/^[\w.~-]+$/, 'SID has characters outside letters, digits, ".", "_", "~", "-"'),
);

/** An order number: up to 64 characters; numbers are accepted and turned into text. */
export const orderNumberSchema = v.pipe(
  textish,
  v.trim(),
  v.minLength(1, 'orderNumber is empty'),
  v.maxLength(64, 'orderNumber is longer than 64 characters'),
);
