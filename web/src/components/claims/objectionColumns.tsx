import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { ObjectionStatus } from '../../api/claims';
import type { TFunction } from '../../app/i18n';
import { formatBeijing } from '../format';
import { StatusTag } from '../StatusTag';

const OBJECTION_TONES = { open: 'warn', upheld: 'error', dismissed: 'off' } as const;

/** What the objections of a policy notice and of a project notice have in common. */
interface ObjectionLike {
  id: string;
  text: string;
  contact: string | null;
  status: ObjectionStatus;
  resolution: string | null;
  createdAt: string;
}

/**
 * The columns of a notice's objections: when, about what, (what the caller adds), text, contact, status with the
 * resolution, and for an editor a resolve button on the open ones.
 */
export function objectionColumns<O extends ObjectionLike>(
  t: TFunction,
  opts: {
    about: (o: O) => ReactNode;
    /** Columns shown after "about" (a project notice's source). */
    extra?: TableColumnsType<O>;
    /** Set for an editor: the resolve button of an open objection. */
    onResolve?: ((o: O) => void) | undefined;
    resolveTestId: (o: O) => string;
  },
): TableColumnsType<O> {
  const { onResolve } = opts;
  return [
    { key: 'at', title: t('objection.at'), render: (_, o) => <span style={{ whiteSpace: 'nowrap' }}>{formatBeijing(o.createdAt)}</span> },
    { key: 'about', title: t('objection.about'), render: (_, o) => opts.about(o) },
    ...(opts.extra ?? []),
    { key: 'text', title: t('objection.text'), render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.text}</span> },
    { key: 'contact', title: t('objection.contact'), render: (_, o) => o.contact ?? '—' },
    {
      key: 'status',
      title: t('objection.status'),
      render: (_, o) => (
        <>
          <StatusTag tone={OBJECTION_TONES[o.status]}>{t(`objection.status.${o.status}`)}</StatusTag>
          {o.resolution ? <div style={{ fontSize: 13 }}>{o.resolution}</div> : null}
        </>
      ),
    },
    ...(onResolve
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, o: O) =>
              o.status === 'open' ? (
                <Button size="small" onClick={() => onResolve(o)} data-testid={opts.resolveTestId(o)}>
                  {t('objection.resolve')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
}
