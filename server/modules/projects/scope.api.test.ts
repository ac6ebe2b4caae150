import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWith, createTestApp, type Agent, type TestContext } from '../../../test/harness.js';
import {
  callBody as projectCallBody,
  makeApplicant,
  makeApplication,
  makeCall,
  PLAN_PDF,
  type CallOverrides,
} from '../../../test/fixtures/projects.js';

/**
 * Org-unit scope of project calls and the expert pool (issue #12), on PGlite and PostgreSQL: a city-wide call
 * is seen by the counties below it and run only by the city; each call draws its reviewers from its own unit's
 * pool and those above, never from a neighbour's or a town's; lists are filtered by scope; and an attachment's
 * content must match its declared type.
 */
let t: TestContext;
/** Bureau users of the city (重庆 500000), the county (秀山 500241), a town of it, and another county (万州 500101). */
let city: Agent;
let county: Agent;
let town: Agent;
let wanzhou: Agent;
let countyLeader: Agent;

/** The scope tests' call: an optional plan of any of four types, one criterion, two reviews, load cap 5. */
const scopeCall = (code: string, extra: CallOverrides = {}): CallOverrides & { code: string } => ({
  code,
  title: `范围测试指南 ${code}`,
  form: {
    attachments: [
      {
        ...PLAN_PDF,
        required: false,
        types: [
          'application/pdf',
          'image/png',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/zip',
        ],
      },
    ],
  },
  reviewTemplate: { expertLoadCap: 5 },
  ...extra,
});
/** The scope tests' call as a request body (POST /api/calls). */
const callBody = (code: string, extra: CallOverrides = {}) => projectCallBody(code, scopeCall(code, extra));

/** An enterprise of the unit with a signed-in user (granted in the unit itself). */
async function applicant(unit: string): Promise<Agent> {
  return (await makeApplicant(t, unit, { grantUnit: unit })).agent;
}

beforeAll(async () => {
  t = await createTestApp();
  city = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500000' }])).agent;
  county = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241' }])).agent;
  town = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500241001' }])).agent;
  wanzhou = (await agentWith(t, [{ role: 'bureau', orgUnitCode: '500101' }])).agent;
  countyLeader = (await agentWith(t, [{ role: 'leader', orgUnitCode: '500241' }])).agent;
});
afterAll(() => t.close());

/** A ZIP archive of stored (uncompressed) entries, as an Office file or any archive is laid out. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

const ids = (res: { json: () => unknown }) => (res.json() as { id: string }[]).map((x) => x.id);

describe('calls by org unit', () => {
  it('a city-wide call: the county sees it once published and cannot run it; the city can', async () => {
    const call = (await city.post('/api/calls', callBody('CITY-01'))).json();
    expect(call.regionCode).toBe('500000');
    // A draft stays with its owner.
    expect(ids(await county.get('/api/calls'))).not.toContain(call.id);
    expect((await county.get(`/api/calls/${call.id}`)).statusCode).toBe(404);
    expect((await city.post(`/api/calls/${call.id}/publish`)).json().status).toBe('published');
    expect(ids(await county.get('/api/calls'))).toContain(call.id);
    expect(ids(await countyLeader.get('/api/calls'))).toContain(call.id);
    expect((await county.get(`/api/calls/${call.id}`)).json()).toMatchObject({ code: 'CITY-01', status: 'published' });
    const close = await county.post(`/api/calls/${call.id}/close`);
    expect(close.statusCode).toBe(403);
    expect(close.json().error).toMatchObject({ code: 'forbidden_scope', message: expect.stringContaining('重庆') });
    // Its working records are the city's.
    expect((await county.get(`/api/calls/${call.id}/draws`)).statusCode).toBe(403);
    expect((await county.get(`/api/calls/${call.id}/results`)).statusCode).toBe(403);
    expect((await city.get(`/api/calls/${call.id}/draws`)).statusCode).toBe(200);
    expect((await city.post(`/api/calls/${call.id}/close`)).json().status).toBe('closed');
    // A county names its own unit or one below; a town cannot open a call for the county.
    expect((await county.post('/api/calls', callBody('XS-TOWN-01', { regionCode: '500241001' }))).statusCode).toBe(201);
    expect((await town.post('/api/calls', callBody('TOWN-XS-01', { regionCode: '500241' }))).statusCode).toBe(403);
    expect((await wanzhou.post('/api/calls', callBody('WZ-01'))).json().regionCode).toBe('500101');
  });

  it('a call’s applications are listed to the staff of its unit, and to a town’s for its own enterprises only', async () => {
    const call = await makeCall(county, scopeCall('XS-APPS-01'));
    const here = await applicant('500241001');
    const there = await applicant('500241002');
    const mine = await makeApplication(here, call.id, { title: '本镇企业项目', requestedFen: 1_000_00 });
    const theirs = await makeApplication(there, call.id, { title: '邻镇企业项目', requestedFen: 1_000_00 });
    expect(ids(await county.get(`/api/calls/${call.id}/applications`)).sort()).toEqual([mine.id, theirs.id].sort());
    expect(ids(await town.get(`/api/calls/${call.id}/applications`))).toEqual([mine.id]);
    expect((await town.get(`/api/applications/${mine.id}`)).statusCode).toBe(200);
    expect((await town.get(`/api/applications/${theirs.id}`)).statusCode).toBe(403);
    expect((await wanzhou.get(`/api/applications/${mine.id}`)).statusCode).toBe(403);
    // An applicant reads only its own; every published call is open to it.
    expect((await there.get(`/api/applications/${mine.id}`)).statusCode).toBe(404);
    expect(ids(await here.get('/api/calls'))).toContain(call.id);
  });
});

describe('the expert pool by org unit', () => {
  it('a county’s call draws from its own and its ancestors’ experts, never from a neighbour’s or a town’s', async () => {
    const made: Record<string, string[]> = {};
    const add = async (who: Agent, unit: string, n: number) => {
      for (let k = 0; k < n; k++) {
        const res = await who.post('/api/experts', { name: `${unit}专家${k + 1}`, orgUnitCode: unit, fields: ['tcm'] });
        expect(res.statusCode).toBe(201);
        expect(res.json().orgUnitCode).toBe(unit);
        (made[unit] ??= []).push(res.json().id as string);
      }
    };
    await add(county, '500241', 1);
    await add(city, '500000', 1);
    await add(wanzhou, '500101', 3);
    await add(town, '500241001', 3);
    // Without a unit, an expert joins the registering grant's own pool.
    const own = await county.post('/api/experts', { name: '秀山默认专家', fields: ['finance'] });
    expect(own.json().orgUnitCode).toBe('500241');
    made['500241']!.push(own.json().id as string);
    // The lists: the county sees its subtree's and the city's; 万州 its own and the city's; the city only its own subtree.
    const countyPool = ids(await county.get('/api/experts'));
    for (const id of [...made['500241']!, ...made['500000']!, ...made['500241001']!]) expect(countyPool).toContain(id);
    for (const id of made['500101']!) expect(countyPool).not.toContain(id);
    expect(ids(await wanzhou.get('/api/experts')).sort()).toEqual([...made['500101']!, ...made['500000']!].sort());
    // Edits: only the registering unit's subtree.
    expect((await county.patch(`/api/experts/${made['500000']![0]}`, { titles: '研究员' })).statusCode).toBe(403);
    expect((await county.patch(`/api/experts/${made['500241001']![0]}`, { titles: '高级农艺师' })).statusCode).toBe(200);
    expect((await city.post(`/api/experts/${made['500241']![0]}/rating`, { rating: 5 })).statusCode).toBe(200);
    expect((await wanzhou.post(`/api/experts/${made['500241']![0]}/rating`, { rating: 1 })).statusCode).toBe(403);

    const call = await makeCall(county, scopeCall('XS-POOL-01', { reviewTemplate: { expertLoadCap: 5, reviewsPerApplication: 3 } }));
    const ent = await applicant('500241001');
    const app = await makeApplication(ent, call.id, { title: '池范围测试项目', requestedFen: 1_000_00 });
    expect((await ent.post(`/api/applications/${app.id}/submit`)).json().status).toBe('submitted');
    expect((await town.post(`/api/applications/${app.id}/formal-check`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await county.post(`/api/applications/${app.id}/formal-check`, { decision: 'accept' })).json().status).toBe('accepted');
    expect((await town.post(`/api/calls/${call.id}/draw`, { seed: 7 })).statusCode).toBe(403);
    expect((await county.post(`/api/calls/${call.id}/draw`, { seed: 7 })).json()).toMatchObject({ assignments: 3 });
    // The stored draw's pool: the county's two and the city's one, nothing else.
    const [draw] = (await county.get(`/api/calls/${call.id}/draws`)).json() as { id: string; params: { pool: number } }[];
    expect(draw!.params.pool).toBe(3);
    const assigned = ((await county.get(`/api/calls/${call.id}/assignments`)).json() as { expertId: string }[]).map((a) => a.expertId);
    expect(assigned.sort()).toEqual([...made['500241']!, ...made['500000']!].sort());
    expect((await county.get(`/api/assignment-draws/${draw!.id}/verify`)).json()).toMatchObject({ reproduced: true });
    expect((await wanzhou.get(`/api/assignment-draws/${draw!.id}/verify`)).statusCode).toBe(403);
    // The bureau records a conflict only with an expert of the pool it draws from.
    const foreign = await county.post('/api/conflicts', {
      expertId: made['500101']![0],
      applicationId: app.id,
      type: 'other',
      evidence: '邻县专家越权登记',
    });
    expect(foreign.statusCode).toBe(403);
    const byTown = await town.post('/api/conflicts', {
      expertId: made['500241']![0],
      applicationId: app.id,
      type: 'other',
      evidence: '乡镇越权登记',
    });
    expect(byTown.statusCode).toBe(403);
  });
});

describe('attachments are sniffed', () => {
  let ent: Agent;
  let appId = '';
  const upload = (type: string, fileName: string, payload: Buffer) =>
    ent.request({
      method: 'POST',
      url: `/api/applications/${appId}/attachments?key=plan&fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': type },
      payload,
    });

  beforeAll(async () => {
    const call = await makeCall(county, scopeCall('XS-SNIFF-01'));
    ent = await applicant('500241001');
    appId = (await makeApplication(ent, call.id, { title: '附件类型测试项目', requestedFen: 1_000_00 })).id;
  });

  it('a file whose content is not its declared type is refused naming the file, and nothing is stored', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    const fake = await upload('application/pdf', '伪装报告.pdf', png);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error).toMatchObject({ code: 'attachment_content', field: 'file' });
    expect(fake.json().error.message).toContain('伪装报告.pdf');
    expect(fake.json().error.message).toContain('PNG');
    const script = await upload('image/png', 'x.png', Buffer.from('<script>alert(1)</script>'));
    expect(script.statusCode).toBe(400);
    // An empty ZIP archive is no Word document.
    const zip = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
    expect((await upload('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx', zip)).statusCode).toBe(400);
    // Nor is a spreadsheet.
    const xlsx = zipOf({
      '[Content_Types].xml': `<?xml version="1.0"?><Types><Override PartName="/xl/workbook.xml" ContentType="${SHEET_MAIN}"/></Types>`,
      'xl/workbook.xml': '<workbook/>',
    });
    const asDocx = await upload('application/vnd.openxmlformats-officedocument.wordprocessingml.document', '预算表.docx', xlsx);
    expect(asDocx.statusCode).toBe(400);
    expect(asDocx.json().error.message).toContain('XLSX');
    expect((await ent.get(`/api/applications/${appId}`)).json().attachments).toEqual([]);
  });

  it('files that are what they claim are stored: PDF, PNG, a docx, and a docx or any ZIP as ZIP', async () => {
    const docx = zipOf({
      '[Content_Types].xml': `<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="${WORD_MAIN}"/></Types>`,
      'word/document.xml': '<w:document/>',
    });
    const zip = zipOf({ 'readme.txt': '附件清单' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    for (const [type, name, body] of [
      ['application/pdf', 'a.pdf', Buffer.from('%PDF-1.7\n% ok\n')],
      ['image/png', 'a.png', png],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '报告.docx', docx],
      ['application/zip', '报告.zip', docx],
      ['application/zip', '清单.zip', zip],
    ] as const)
      expect((await upload(type, name, body)).statusCode, name).toBe(201);
    // One slot (`plan`): each upload replaced the one before it, so the application holds the last file only.
    const kept = (await ent.get(`/api/applications/${appId}`)).json().attachments as { key: string; fileName: string }[];
    expect(kept.map((a) => [a.key, a.fileName])).toEqual([['plan', '清单.zip']]);
  });
});
