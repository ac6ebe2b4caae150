/** Limits shared by the server (enforcement) and the web forms (hints). */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  passwordMin: 10,
  passwordMax: 256,
  displayNameMax: 100,
  orgNameMax: 100,
  orgAliasMax: 20,
  searchMax: 100,
  pageSizeMax: 500,
  auditExportMax: 100_000,
  bodyLimitBytes: 1_048_576,
  /** The largest magnitude a figure may have (a count, an amount in 元, a GDP in 万元): exact in a double. */
  figureMax: 1e15,
  /** An uploaded xlsx (a zip) unpacked: at most this many bytes in all, read from its central directory. */
  zipUncompressedMaxBytes: 200 * 1024 * 1024,
  /** …and at most this many entries. */
  zipEntriesMax: 2_000,
  /** …and no entry packed tighter than this (a 1 GB run of one character packs 1 000 : 1). */
  zipRatioMax: 200,
  loginFailuresPerWindow: 10,
  loginFailureWindowMinutes: 15,
  /** Enterprise users one bulk invitation may create (each password is hashed with argon2: about 30 ms of CPU). */
  invitationsMax: 1_000,
} as const;

/** GB/T 2260 six digits; NBS nine digits (towns); own codes for parks, e.g. 500241P01. */
export const ORG_CODE_PATTERN = /^(\d{6}|\d{9}|\d{6}[A-Z]\d{2,3})$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]+$/;
