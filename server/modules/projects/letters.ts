import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { today } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { DecisionOverride } from '../../../common/contracts/projects.js';
import type { ApplicationRow } from './calls.repo.js';
import * as repo from './funding.repo.js';
import type { PaymentRow } from './funding.repo.js';

/**
 * The documents a decision produces, in the bureau's language (Chinese): the decision letter (立项通知书 or
 * 未立项通知). A document of record composes its own words: an approval below the review thresholds is stored as
 * data (decision_override: the misses and the reason) and worded here, when the letter is made.
 */
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
const round2 = (x: number) => Math.round(x * 100) / 100;

/** 低于评审门槛（创新性 55 < 60、总分 58 < 60）仍予立项，理由：… — from the stored override and the call's criteria. */
export function overrideSentence(o: DecisionOverride, criteria: readonly { key: string; zh: string }[]): string {
  const name = (id: string | null) => (id === null ? '总分' : (criteria.find((c) => c.key === id)?.zh ?? id));
  const misses = o.misses.map((m) => `${name(m.criterionId)} ${round2(m.value)} < ${m.threshold}`).join('、');
  return `低于评审门槛（${misses}）仍予立项，理由：${o.reason}`;
}

const WHEN: Record<PaymentRow['condition'], string> = {
  contract: '合同签订后',
  milestone: '里程碑报告审核通过后',
  acceptance: '验收通过后',
};

function paragraph(text: string, bold = false) {
  return new Paragraph({ children: [new TextRun({ text, bold, size: 28, font: 'SimSun' })], spacing: { after: 200 } });
}

function review(a: ApplicationRow): string {
  return a.score !== null ? `（综合得分 ${a.score.toFixed(2)}，排名第 ${a.rank ?? '—'} 位）` : '';
}

/** The decision letter (立项通知书 or 未立项通知) as a Word document. */
export async function decisionLetter(db: Db, id: string): Promise<Buffer> {
  const a = await repo.findApplication(db, id);
  const call = await repo.findCall(db, a.callId);
  const approved = a.status !== 'not_funded' && a.approvedFen !== null;
  if (!approved && a.status !== 'not_funded') throw new AppError(409, 'project_state', { status: a.status, action: 'letter' });
  const pays = approved ? await repo.paymentsOf(db, id) : [];
  const region = await repo.regionName(db, call.regionCode);
  const schedule = pays.map((x) => `第 ${x.seq} 笔 ${yuan(x.amountFen)} 元（${WHEN[x.condition]}）`).join('；');
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: approved ? '项目立项通知书' : '项目评审结果通知', bold: true, size: 36, font: 'SimHei' })],
          }),
          paragraph(`${a.applicantName}：`),
          paragraph(`你单位申报的“${a.title}”（${call.title}，${call.code}）经形式审查、专家评审${review(a)}，`),
          approved
            ? paragraph(`现予立项，资助经费 ${yuan(a.approvedFen ?? 0)} 元。拨付安排：${schedule}。`)
            : paragraph('经研究，本次未予立项。感谢你单位的参与。'),
          ...(a.decisionNote ? [paragraph(`说明：${a.decisionNote}`)] : []),
          ...(approved && a.decisionOverride
            ? [paragraph(`说明：${overrideSentence(a.decisionOverride, call.reviewTemplate.criteria)}`)]
            : []),
          paragraph(`${region ?? ''}科学技术局`),
          paragraph(today()),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
