import { InputNumber } from 'antd';
import { useT } from '../../app/i18n';

/** 12,345.678 once typed; the input's own parser drops the commas again. */
function groupDigits(value: number | string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (value === undefined || value === '') return '';
  const [int = '', frac] = String(value).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac === undefined ? '' : `.${frac}`);
}

interface Props {
  code: string;
  value: number | null;
  onChange: (value: number | null) => void;
  disabled: boolean;
  /** The accessible name: data element, year and unit. */
  label: string;
  /** The server's objections to this row's value, shown under it. */
  messages: string[];
}

/** This year's value of one data element, with the server's validation message for it. */
export function ValueCell({ code, value, onChange, disabled, label, messages }: Props) {
  const t = useT();
  const invalid = messages.length > 0;
  return (
    <div style={{ minWidth: 180 }}>
      <InputNumber<number>
        value={value}
        onChange={onChange}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `entry-error-${code}` : undefined}
        formatter={groupDigits}
        style={{ width: 180 }}
        data-testid={`value-${code}`}
      />
      {invalid ? (
        <div
          id={`entry-error-${code}`}
          role="alert"
          style={{ color: '#cf1322', marginTop: 4, maxWidth: 280 }}
          data-testid={`error-${code}`}
        >
          {messages.join(t('common.semi'))}
        </div>
      ) : null}
    </div>
  );
}
