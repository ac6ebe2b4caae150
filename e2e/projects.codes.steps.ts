import { expect } from 'vitest';
import { expectAccessible, type newPage } from './harness.js';

type Session = Awaited<ReturnType<typeof newPage>>;

/** Switches experts of the pool on or off for draws, as the clerk (PATCH /api/experts/:id through the page's session). */
async function setAvailable(clerk: Session, names: readonly string[], available: boolean): Promise<void> {
  const origin = new URL(clerk.page.url()).origin;
  const csrf = decodeURIComponent((await clerk.page.context().cookies()).find((c) => c.name === 'kc_csrf')?.value ?? '');
  const pool = (await (await clerk.page.request.get(`${origin}/api/experts`)).json()) as { id: string; name: string }[];
  for (const name of names) {
    const expert = pool.find((x) => x.name === name);
    expect(expert, name).toBeDefined();
    const res = await clerk.page.request.patch(`${origin}/api/experts/${expert!.id}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { available },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
}

/**
 * 7a. With three of the five experts switched off, the draw cannot be met: the confirmation says, for each
 * application, why — in words the web composes from the codes the server sends (issue #13) — and nothing is
 * saved; the experts are switched on again for the real draw.
 */
export async function infeasibleDrawExplained(clerk: Session): Promise<void> {
  const off = ['专家乙', '专家丙', '专家丁'];
  await setAvailable(clerk, off, false);
  await clerk.page.getByTestId('call-tab-draw').click();
  await clerk.page.getByTestId('draw-seed').fill('7');
  await clerk.page.getByTestId('draw-run').click();
  await clerk.page.getByTestId('draw-confirm').click();
  const unfilled = clerk.page.getByTestId('draw-error').getByTestId('draw-unfilled');
  await unfilled.waitFor();
  const items = unfilled.locator('li');
  expect(await items.count()).toBe(2);
  // Two experts left, 专家甲 and 专家戊 in two organisations; 专家甲 works for A's applicant (a conflict), so A
  // has one of them for three reviews and B two.
  expect((await items.allTextContents()).sort()).toEqual(
    [
      '“武陵山区中药材提取工艺研究”缺 2 位：仅 1 位无回避专家，分属 1 个单位，而 3 份评审需要 3 个不同单位',
      '“秀山土家织锦数字化设计平台”缺 1 位：仅 2 位无回避专家，分属 2 个单位，而 3 份评审需要 3 个不同单位',
    ].sort(),
  );
  for (const code of await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-code')))) expect(code).toBe('assign_orgs_short');
  await expectAccessible(clerk.page, 'infeasible draw');
  await clerk.page
    .getByRole('dialog')
    .getByRole('button', { name: '取 消' })
    .or(clerk.page.getByRole('dialog').getByRole('button', { name: '取消' }))
    .click();
  await clerk.page.getByTestId('draw-unfilled').waitFor({ state: 'detached' });
  await setAvailable(clerk, off, true);
}
