import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE } from '../../../common/clock';
import { setBureauZone } from '../components/bureauZone';
import { loadDictionaries } from './dictionaries';
import { translate } from './i18n';

describe('{zone} in a heading names the bureau’s time zone, in which times are shown', () => {
  afterEach(() => setBureauZone(DEFAULT_TIME_ZONE));

  it('北京时间 by default, another zone when the installation sets one, in both languages', async () => {
    await loadDictionaries(['audit', 'projects']);
    expect(translate('zh-CN', 'audit.time')).toBe('时间（北京时间）');
    expect(translate('en-US', 'audit.time')).toBe('Time (Beijing time)');
    setBureauZone('Europe/Berlin');
    expect(translate('zh-CN', 'audit.time')).toBe('时间（Europe/Berlin）');
    expect(translate('en-US', 'proj.app.submittedAt')).toBe('Submitted (Europe/Berlin)');
  });
});
