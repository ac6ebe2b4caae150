import type { ApplicationStatus, CallStatus, ConflictStatus, PaymentStatus, ReportStatus } from '../../api/projects';
import { useT } from '../../app/i18n';
import { StatusTag } from '../StatusTag';
import { APPLICATION_TONES, CALL_TONES, CONFLICT_TONES, PAYMENT_TONES, REPORT_TONES } from './labels';

// Colour and words, never colour alone; data-status for tests and scripts.

export function CallStatusTag({ status, testId }: { status: CallStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={CALL_TONES[status]}>{t(`proj.callStatus.${status}`)}</StatusTag>
    </span>
  );
}

export function ApplicationStatusTag({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={APPLICATION_TONES[status]}>{t(`proj.appStatus.${status}`)}</StatusTag>
    </span>
  );
}

export function ConflictStatusTag({ status }: { status: ConflictStatus }) {
  const t = useT();
  return <StatusTag tone={CONFLICT_TONES[status]}>{t(`proj.conflictStatus.${status}`)}</StatusTag>;
}

export function PaymentStatusTag({ status, testId }: { status: PaymentStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={PAYMENT_TONES[status]}>{t(`proj.paymentStatus.${status}`)}</StatusTag>
    </span>
  );
}

export function ReportStatusTag({ status, testId }: { status: ReportStatus; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status}>
      <StatusTag tone={REPORT_TONES[status]}>{t(`proj.reportStatus.${status}`)}</StatusTag>
    </span>
  );
}
