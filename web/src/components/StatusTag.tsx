import { Tag } from 'antd';
import type { ReactNode } from 'react';

// Solid dark colours with white text: antd's light preset tags fall short of 4.5:1 contrast.
const COLORS = { ok: '#237804', off: '#595959', warn: '#ad4e00', error: '#a8071a', info: '#0958d9' } as const;

export type Tone = keyof typeof COLORS;

export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag variant="solid" color={COLORS[tone]}>
      {children}
    </Tag>
  );
}
