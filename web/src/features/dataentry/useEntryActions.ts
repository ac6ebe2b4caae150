import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { PlausibilityWarning, ValueInput, ValueKey } from '../../../../common/contracts/datavalues';
import { approveValues, saveValues, submitValues, VALUE_QUERY_ROOTS } from '../../api/datavalues';
import { useT } from '../../app/i18n';
import { errorText } from '../../components/errors';
import { rowErrors, type RowErrors } from './entryErrors';
import { implausibleWarnings } from './plausibility';

export interface SaveRequest {
  action: 'save' | 'submit';
  values: ValueInput[];
  /** Drafts saved earlier and not changed now, submitted along with the changes. */
  alsoSubmit: ValueKey[];
  /** The user has seen the plausibility warnings and saves anyway. */
  confirmWarnings?: boolean;
}

interface Handlers {
  onSaved: () => void;
  onRowErrors: (errors: RowErrors, request: SaveRequest) => void;
  /** The server found implausible values: nothing was saved; the user corrects them or confirms. */
  onWarnings: (warnings: PlausibilityWarning[], request: SaveRequest) => void;
}

/** Save, submit and approve, each refreshing everything that shows data values. */
export function useEntryActions({ onSaved, onRowErrors, onWarnings }: Handlers) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const refresh = () => Promise.all(VALUE_QUERY_ROOTS.map((queryKey) => client.invalidateQueries({ queryKey: [...queryKey] })));

  const save = useMutation({
    mutationFn: async ({ action, values, alsoSubmit, confirmWarnings }: SaveRequest) => {
      const res = values.length > 0 ? await saveValues(values, action, confirmWarnings) : { saved: 0, unchanged: 0 };
      const submitted = action === 'submit' && alsoSubmit.length > 0 ? (await submitValues(alsoSubmit)).changed : 0;
      return { ...res, submitted };
    },
    onSuccess: async (res, { action }) => {
      const key = action === 'submit' ? 'entry.submitted' : 'entry.saved';
      void message.success(t(key, { saved: res.saved + res.submitted, unchanged: res.unchanged }));
      onSaved();
      await refresh();
    },
    onError: (error, request) => {
      const warnings = implausibleWarnings(error);
      if (warnings) return onWarnings(warnings, request);
      const errors = rowErrors(error, request.values);
      if (Object.keys(errors.byCode).length === 0 && !errors.needsReason) void message.error(errorText(error, t));
      onRowErrors(errors, request);
    },
  });

  const approve = useMutation({
    mutationFn: (keys: ValueKey[]) => approveValues(keys),
    onSuccess: async (res) => {
      void message.success(t('entry.approved', { n: res.changed }));
      await refresh();
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  return { save, approve };
}
