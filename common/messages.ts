/**
 * The server's messages in both languages (errors by code, field and status labels) and the fill-in of their
 * {name|format} parameters. One file per topic under common/messages/; error messages by domain under
 * common/messages/errors/ (a new code goes in its domain's file).
 */
export { FIELD_LABELS } from './messages/fields.js';
export { PROBLEMS, TYPE_NAMES } from './messages/problems.js';
export { STATUS_LABELS, ACTION_LABELS, LIST_ITEM_LABELS } from './messages/labels.js';
export { ERROR_MESSAGES } from './messages/errors.js';
export { fenAsYuan, fill, translate, fieldLabel } from './messages/format.js';
