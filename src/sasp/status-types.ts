// The post-payment status as Baton documents it (Sectigo's `PostPaymentData`, v1.00 to v1.03).
// Plain interfaces: the published types mention no schema library. `schemas.ts` reads the answer
// tolerantly; test/unit/sasp/types.test.ts checks at compile time that these interfaces are
// exactly what it produces. A field that is `| undefined` is one Sectigo sent in a form Baton could
// not read (or did not send): the answer's `raw` keeps what came.
import type { Open } from '../core/documented.js';
import type { ActionName, DcvMethodType, OrderStatus, SectionStatus } from './vocabulary.js';

/** One requirement of the organization check (legal existence, assumed name, …). */
export interface RequirementStatus {
  title?: string;
  /** `Unknown` when Sectigo sends none. */
  status: SectionStatus;
  description?: string;
}

/** A section of the status (`csrStatus`, `secondApprovalStatus`, …): where the order stands, and what the customer can do. */
export interface PostPaymentSection extends RequirementStatus {
  /** What the customer can do now (an empty list when nothing). */
  availableActions: readonly ActionName[];
}

/** A section read tolerantly: the v1.01–v1.03 additions (`caaCheckStatus`, `maStatus`) and any section Baton does not know. */
export interface LooseSection extends PostPaymentSection {}

/** One way to validate control of a domain. */
export interface DcvMethod {
  /** `whoisEmail`, `email`, `csrHash`, `manual`, or what else Sectigo sends (`''` when none). */
  type: DcvMethodType;
  title?: string;
  /** Documented as a string, sent as a number: the number, when it is one. */
  level: number | undefined;
  selectedMethod?: string;
  /** The choices, e.g. the email addresses (an empty list when none). */
  options: readonly string[];
}

/** One domain of the order and its validation. */
export interface DcvDomain {
  /** `''` when Sectigo sends none. */
  domainName: string;
  /** `Unknown` when Sectigo sends none. */
  dcvStatus: SectionStatus;
  selectedMethod?: string;
  /** The methods the customer may choose from (an empty list when none). */
  methods: readonly DcvMethod[];
}

/** Domain control validation (`dcvStatus`). */
export interface DcvStatus extends PostPaymentSection {
  /** An empty list when Sectigo sends none. */
  domains: readonly DcvDomain[];
  /** The CSR's hashes and unique value, for the file and CNAME methods. */
  MD5?: string;
  SHA256?: string;
  uniqueValue?: string;
}

/** The subscriber agreement (`agreementStatus`). */
export interface AgreementStatus extends PostPaymentSection {
  clickThroughStatus: Open<'notExecuted' | 'Executed'> | undefined;
  /** Where the agreement was sent (`''` means not set, as Sectigo sends it). */
  clickThroughEmailAddress?: string;
  lastEmailSent?: string;
  lastOpenDate?: string;
}

/** The verification call (`callbackStatus`). */
export interface CallbackStatus extends PostPaymentSection {
  phoneNumber?: string;
}

/** The organization check (`organizationStatus`) and its requirements. */
export interface OrganizationStatus extends PostPaymentSection {
  organizationName: RequirementStatus | undefined;
  legalExistence: RequirementStatus | undefined;
  assumedName: RequirementStatus | undefined;
  physicalExistence: RequirementStatus | undefined;
  operationalExistence: RequirementStatus | undefined;
  trademarkCheck: RequirementStatus | undefined;
}

/** The typed post-payment status: `data` of a successful `!getPostPaymentStatus` answer, nulls and blanks dropped. */
export interface PostPaymentStatus {
  orderNumber: string;
  productType: number | undefined;
  productName?: string;
  certificateDuration: number | undefined;
  productTerm: number | undefined;
  /** Where documents go (`uploadDocuments`); only an http(s) URL, else undefined. */
  uploadDocumentUrl: string | undefined;
  /** The token the upload is authorised with; only a JWT-shaped text, else undefined. */
  uploadDocumentToken: string | undefined;
  orderStatus: OrderStatus | undefined;
  domainName?: string;
  primaryDomainName?: string;
  maxMDCDomains: number | undefined;
  maxMDCWildcardDomains: number | undefined;
  csrStatus: PostPaymentSection | undefined;
  dcvStatus: DcvStatus | undefined;
  agreementStatus: AgreementStatus | undefined;
  callbackStatus: CallbackStatus | undefined;
  organizationStatus: OrganizationStatus | undefined;
  secondApprovalStatus: PostPaymentSection | undefined;
  fsupStatus: PostPaymentSection | undefined;
  /** v1.01: the CAA check before issuance. */
  caaCheckStatus: LooseSection | undefined;
  /** v1.01: what the last CAA check found, as lines of text (an empty list when none). */
  latestCAACheckErrors: readonly string[];
  /** v1.02: the mark asserter (mark certificates). */
  maStatus: LooseSection | undefined;
  /** The answer's `data` exactly as received (fields Baton does not document included); not enumerable. */
  readonly raw: unknown;
}
