/**
 * The value lists of project calls, applications, experts, conflicts, funding and the approval notice (公示),
 * written once: the database checks (server/db/schema/projects.ts), the contracts (common/contracts/projects.ts)
 * and the web's selects and labels all read them from here. Zod-free, so the web imports it directly.
 */
import { MIME } from './files.js';

export const CALL_KINDS = ['standard', 'challenge'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export const CALL_STATUSES = ['draft', 'published', 'closed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/** Statuses in which a call is public: applicants, and the units below its own, see it. */
export const PUBLISHED_CALL_STATUSES: readonly CallStatus[] = ['published', 'closed', 'decided'];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'returned',
  'accepted',
  'rejected',
  'under_review',
  'scored',
  'consensus',
  'approved',
  'not_funded',
  'contracted',
  'completed',
  'terminated',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** What the approval notice lists: approved projects and those that went on to a contract. */
export const LISTED_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['approved', 'contracted', 'completed', 'terminated'];

/** The bureau's formal check of a submitted application. */
export const FORMAL_CHECK_DECISIONS = ['accept', 'return', 'reject'] as const;
export type FormalCheckDecision = (typeof FORMAL_CHECK_DECISIONS)[number];

export const FUNDING_MODES = ['tranches', 'milestones', 'post_subsidy'] as const;
export type FundingMode = (typeof FUNDING_MODES)[number];
/** The ledger's fund sources (server/modules/ledger SOURCE_NAMES): county, municipal and central budgets. */
export const FUND_SOURCES = ['county', 'municipal', 'national'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
export const AGGREGATIONS = ['mean', 'median', 'trimmed'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const FIELD_TYPES = ['text', 'textarea', 'number', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Attachment types the server accepts as raw bodies (each call's form narrows them; the content must match). */
export const ATTACHMENT_TYPES = [MIME.pdf, MIME.png, MIME.jpeg, MIME.docx, MIME.doc, MIME.zip] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** The largest attachment a call's form may allow, and its default. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** A call's code (XS-2026-01): letters, digits, `_` and `-`. */
export const CALL_CODE_PATTERN = /^[A-Za-z0-9_-]{2,40}$/;
/** A key of a form field, an attachment or a review criterion (summary, plan, innovation). */
export const FORM_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** A media type as a call's form names it. */
export const MEDIA_TYPE_PATTERN = /^[a-z]+\/[a-z0-9.+-]+$/;

export const CONFLICT_TYPES = [
  'same-organisation',
  'employment',
  'advice',
  'relative',
  'shareholding',
  'dispute',
  'drafted-call',
  'other',
] as const;
export type ConflictType = (typeof CONFLICT_TYPES)[number];
export const CONFLICT_STATUSES = ['suggested', 'confirmed', 'dismissed'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export const CONFLICT_SOURCES = ['declared', 'automatic', 'admin'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

export const PAYMENT_KINDS = ['advance', 'tranche', 'milestone', 'post_subsidy'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
/** What releases an instalment: the contract, an approved milestone report, or acceptance. */
export const PAYMENT_CONDITIONS = ['contract', 'milestone', 'acceptance'] as const;
export type PaymentCondition = (typeof PAYMENT_CONDITIONS)[number];
export const PAYMENT_STATUSES = ['scheduled', 'released', 'held', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const REPORT_KINDS = ['milestone', 'midterm', 'acceptance'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['due', 'submitted', 'approved', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REVIEW_STATUSES = ['assigned', 'submitted', 'declined', 'replaced', 'superseded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const OBJECTION_SOURCES = ['public', 'bureau'] as const;
export type ObjectionSource = (typeof OBJECTION_SOURCES)[number];
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/**
 * What a submission found missing (`application_incomplete`): a team's leader or contact. Form fields and
 * attachments are named by the call's own labels; these two by the messages (common/messages.ts TEAM_GAPS).
 */
export const TEAM_GAPS = ['leader', 'contact'] as const;
export type TeamGap = (typeof TEAM_GAPS)[number];
