import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwaitingApproval, Expenditure, ExpenditureList, ExpenditureOptions, SavedExpenditure } from '@shared/schemas/expenditures.js';
import { files } from '../reporting/attachments.test-files.js';
import { addVersion, buildBudget, buildMoneyWorld, type MoneyWorld } from '../../test/expenditures-factories.js';
import { type Agent, createTestApp, type TestApp } from '../../test/test-app.js';
import { todayUtc } from './expenditures.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Who = keyof MoneyWorld['users'];
const as = (w: MoneyWorld, who: Who): Promise<Agent> => t.as(w.users[who].id);
const reasons = (res: { json(): unknown }) => (res.json() as { error: { details?: { field?: string; reason: string }[] } }).error.details?.map((d) => `${d.field ?? ''}:${d.reason}`);

/** A USD project budget for 2026: line 1.1 USD 10,000.00 and 2.1 USD 5,000.00, a second approver from USD 1,000.00. */
async function usdWorld(o: { thresholdMinor?: number | null } = {}) {
  const w = await buildMoneyWorld(t.db);
  const b = await buildBudget(t.db, {
    projectId: w.project.id,
    currency: 'USD',
    thresholdMinor: o.thresholdMinor === undefined ? 100000 : o.thresholdMinor,
    lines: [
      { code: '1.1', description: 'Child protection officers', category: 'personnel', totalMinor: 1_000_000 },
      { code: '2.1', description: 'Community forums travel', category: 'travel', totalMinor: 500_000 },
    ],
  });
  return { w, b, url: `/api/projects/${w.project.id}/expenditures` };
}

const body = (b: Awaited<ReturnType<typeof buildBudget>>, over: Record<string, unknown> = {}) => ({
  budgetId: b.budget.id,
  budgetLineId: b.lineIds['1.1'],
  expenseDate: '2026-03-15',
  description: 'Salaries, March',
  payee: 'Staff payroll',
  invoiceRef: 'PAY-2026-03',
  amountMinor: 12345,
  currency: b.budget.currency,
  exchangeRate: '1',
  rateSource: '',
  rateDate: null,
  ...over,
});

async function record(agent: Agent, url: string, payload: unknown, headers?: Record<string, string>): Promise<SavedExpenditure> {
  const res = await agent.post(url, payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as SavedExpenditure;
}

const approve = (agent: Agent, e: { id: string; version: number }) => agent.post(`/api/expenditures/${e.id}/approve`, { version: e.version });

describe('recording an expenditure', () => {
  it('converts XOF and CDF into a USD budget exactly, half away from zero, and needs a second approver from the threshold', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    // 302,750 XOF at 605.5 XOF per USD = USD 500.00 exactly.
    const xof = await record(finance, url, body(b, { currency: 'XOF', amountMinor: 302750, exchangeRate: '605.5', rateSource: 'BCEAO', rateDate: '2026-03-14' }));
    expect(xof).toMatchObject({ amount: { amountMinor: 302750, currency: 'XOF' }, amountBudget: { amountMinor: 50000, currency: 'USD' }, status: 'submitted', approvalsRequired: 1, warnings: [] });
    // 1,000 XOF / 605.5 = 1.651527… → USD 1.65.
    expect((await record(finance, url, body(b, { currency: 'XOF', amountMinor: 1000, exchangeRate: '605.5', rateSource: 'BCEAO', rateDate: '2026-03-14', invoiceRef: '' }))).amountBudget.amountMinor).toBe(165);
    // CDF has two decimals: CDF 100,000.00 / 2850 = 35.08771… → USD 35.09.
    expect((await record(finance, url, body(b, { currency: 'CDF', amountMinor: 10_000_000, exchangeRate: '2850', rateSource: 'BCC', rateDate: '2026-03-14', invoiceRef: '' }))).amountBudget.amountMinor).toBe(3509);
    // CDF 1,425,000.00 / 2850 = USD 500.00.
    expect((await record(finance, url, body(b, { currency: 'CDF', amountMinor: 142_500_000, exchangeRate: '2850', rateSource: 'BCC', rateDate: '2026-03-14', invoiceRef: '' }))).amountBudget.amountMinor).toBe(50000);
    // 605,500 XOF = USD 1,000.00: at the threshold, so two approvers.
    const big = await record(finance, url, body(b, { currency: 'XOF', amountMinor: 605500, exchangeRate: '605.5', rateSource: 'BCEAO', rateDate: '2026-03-14', invoiceRef: 'BIG' }));
    expect([big.amountBudget.amountMinor, big.approvalsRequired]).toEqual([100000, 2]);
    // USD 999.99 in USD: just under, one approver; the same currency keeps no rate source nor date.
    const under = await record(finance, url, body(b, { amountMinor: 99999, rateSource: 'ignored', rateDate: '2026-01-01', invoiceRef: 'UNDER' }));
    expect(under).toMatchObject({ amountBudget: { amountMinor: 99999, currency: 'USD' }, approvalsRequired: 1, rateSource: '', rateDate: null });
  });

  it('converts EUR into a TND budget (three decimals)', async () => {
    const w = await buildMoneyWorld(t.db, 'TND');
    const b = await buildBudget(t.db, { projectId: w.project.id, currency: 'TND', lines: [{ code: 'A', totalMinor: 50_000_000 }] });
    // EUR 1,000.00 at 0.2915 EUR per TND = TND 3,430.53173… → 3,430.532.
    const e = await record(await as(w, 'finance'), `/api/projects/${w.project.id}/expenditures`, body(b, { budgetLineId: b.lineIds.A, currency: 'EUR', amountMinor: 100000, exchangeRate: '0.2915', rateSource: 'InforEuro', rateDate: '2026-03-01' }));
    expect(e.amountBudget).toEqual({ amountMinor: 3_430_532, currency: 'TND' });
    expect(e.exchangeRate).toBe('0.2915');
  });

  it('is audited with what was recorded', async () => {
    const { w, b, url } = await usdWorld();
    const e = await record(await as(w, 'finance'), url, body(b));
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', e.id).execute();
    expect(audit.map((a) => [a.action, a.organisation_id, a.actor_user_id])).toEqual([['expenditure.create', w.lead.id, w.users.finance.id]]);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ amountMinor: 12345, currency: 'USD', amountBudgetMinor: 12345, status: 'submitted', approvalsRequired: 1 });
  });

  it('refuses what does not fit the budget, every problem named by its field', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const bad = await finance.post(url, body(b, { expenseDate: '2025-12-31', exchangeRate: '1.5' }));
    expect(bad.statusCode).toBe(400);
    expect(reasons(bad)).toEqual(['body.expenseDate:expense_date_outside_budget', 'body.exchangeRate:rate_must_be_one']);
    const foreign = await finance.post(url, body(b, { currency: 'XOF', exchangeRate: '0', rateSource: '', rateDate: null }));
    expect(reasons(foreign)).toEqual(['body.exchangeRate:exchange_rate_invalid', 'body.rateSource:rate_source_required', 'body.rateDate:rate_date_required']);
    expect(reasons(await finance.post(url, body(b, { currency: 'ABC', exchangeRate: '2', rateSource: 'x', rateDate: '2026-01-01' })))).toEqual(['body.currency:expenditure_currency_unknown']);
    expect(reasons(await finance.post(url, body(b, { amountMinor: 0 })))).toEqual(['body.amountMinor:too_small']);

    // Not in the future (the budget runs to the end of next year here).
    const later = await buildBudget(t.db, { projectId: w.project.id, currency: 'USD', startDate: '2026-01-01', endDate: '2027-12-31', lines: [{ code: 'X', totalMinor: 100 }] });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(reasons(await finance.post(url, body(later, { budgetLineId: later.lineIds.X, expenseDate: tomorrow })))).toEqual(['body.expenseDate:expense_date_in_future']);
    expect((await finance.post(url, body(later, { budgetLineId: later.lineIds.X, expenseDate: todayUtc() }))).statusCode).toBe(201);

    // A line that only a draft revision has is not in force; neither is another budget's line.
    await addVersion(t.db, b.budget.id, 2, 'draft', [{ code: '1.1', totalMinor: 1 }, { code: '9.9', totalMinor: 1 }], b.lineIds);
    expect(reasons(await finance.post(url, body(b, { budgetLineId: b.lineIds['9.9'] })))).toEqual(['body.budgetLineId:expenditure_line_not_in_force']);
    expect(reasons(await finance.post(url, body(b, { budgetLineId: later.lineIds.X })))).toEqual(['body.budgetLineId:expenditure_line_not_in_force']);

    // A budget with no approved version, and another project's budget.
    const draft = await buildBudget(t.db, { projectId: w.project.id, currency: 'USD', approved: false, lines: [{ code: 'D', totalMinor: 100 }] });
    expect(reasons(await finance.post(url, body(draft, { budgetLineId: draft.lineIds.D })))).toEqual(['body.budgetId:expenditure_budget_not_in_force']);
    const elsewhere = await usdWorld();
    expect(reasons(await finance.post(url, body(elsewhere.b)))).toEqual(['body.budgetId:expenditure_budget_not_of_project']);
    expect(await t.db.selectFrom('expenditures').select('id').where('project_id', '=', w.project.id).execute()).toHaveLength(1);
  });

  it('warns, without refusing, when the payee invoice is already recorded on the project', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    await record(finance, url, body(b, { payee: 'Hotel Kumasi', invoiceRef: 'INV-77' }));
    const again = await record(await as(w, 'manager'), url, body(b, { payee: 'hotel kumasi', invoiceRef: 'inv-77' }));
    expect(again.warnings).toEqual([
      { field: 'invoiceRef', reason: 'duplicate_invoice', params: { invoiceRef: 'inv-77', payee: 'hotel kumasi', count: 1 }, message: 'Invoice inv-77 from hotel kumasi is already recorded on this project. Check that this is not the same expense.' },
    ]);
    expect((await record(finance, url, body(b, { payee: 'Another payee', invoiceRef: 'INV-77' }))).warnings).toEqual([]);
  });

  it('records once when retried with the same Idempotency-Key', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const headers = { 'idempotency-key': 'expense-retry-0001' };
    const first = await finance.post(url, body(b), headers);
    const second = await finance.post(url, body(b), headers);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((second.json() as Expenditure).id).toBe((first.json() as Expenditure).id);
    expect(await t.db.selectFrom('expenditures').select('id').where('project_id', '=', w.project.id).execute()).toHaveLength(1);
    expect((await finance.post(`/api/expenditures/${(first.json() as Expenditure).id}/approve`, { version: 1 }, headers)).statusCode).toBe(409);
  });
});

describe('approving', () => {
  it('needs two different approvers above the threshold, never the submitter, and then locks the expenditure', async () => {
    const { w, b, url } = await usdWorld();
    const e = await record(await as(w, 'finance'), url, body(b, { amountMinor: 150000 }));
    expect(e.approvalsRequired).toBe(2);
    const holder = await as(w, 'holder');

    const first = await approve(holder, e);
    expect(first.statusCode, first.body).toBe(200);
    const awaiting = first.json() as Expenditure;
    expect(awaiting).toMatchObject({ status: 'awaiting_second_approval', firstApprovedBy: { id: w.users.holder.id, name: 'Hawa Holder' }, approvedBy: null, version: 2, canApprove: false });

    const same = await approve(holder, awaiting);
    expect([same.statusCode, reasons(same)]).toEqual([403, [':second_approver_must_differ']]);
    // The submitter cannot change it once approved once.
    expect((await (await as(w, 'finance')).request('PUT', `/api/expenditures/${e.id}`, { ...body(b), version: 2 })).statusCode).toBe(409);

    const second = await approve(await as(w, 'holder2'), awaiting);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'approved', approvedBy: { id: w.users.holder2.id }, firstApprovedBy: { id: w.users.holder.id }, version: 3 });

    // Locked: no approval, rejection, change, withdrawal or receipt any more.
    const admin = await as(w, 'admin');
    for (const res of [
      await approve(admin, { id: e.id, version: 3 }),
      await admin.post(`/api/expenditures/${e.id}/reject`, { reason: 'late', version: 3 }),
      await (await as(w, 'finance')).request('PUT', `/api/expenditures/${e.id}`, { ...body(b), version: 3 }),
      await (await as(w, 'finance')).delete(`/api/expenditures/${e.id}`),
      await (await as(w, 'finance')).request('POST', `/api/expenditures/${e.id}/attachment?name=r.pdf`, files.pdf, { 'content-type': 'application/pdf' }),
    ]) {
      expect([res.statusCode, reasons(res)]).toEqual([409, ['status:expenditure_locked']]);
    }
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'after_json']).where('entity_id', '=', e.id).orderBy('at').execute();
    expect(audit.map((a) => [a.action, a.actor_user_id, JSON.parse(a.after_json!).status])).toEqual([
      ['expenditure.create', w.users.finance.id, 'submitted'],
      ['expenditure.approve', w.users.holder.id, 'awaiting_second_approval'],
      ['expenditure.approve', w.users.holder2.id, 'approved'],
    ]);
  });

  it('refuses an approver their own expenditure', async () => {
    const { w, b, url } = await usdWorld();
    const holder = await as(w, 'holder');
    const mine = await record(holder, url, body(b));
    expect(mine.canApprove).toBe(false);
    const res = await approve(holder, mine);
    expect([res.statusCode, reasons(res)]).toEqual([403, [':own_expenditure']]);
    const reject = await holder.post(`/api/expenditures/${mine.id}/reject`, { reason: 'no', version: 1 });
    expect([reject.statusCode, reasons(reject)]).toEqual([403, [':own_expenditure']]);
    expect((await approve(await as(w, 'holder2'), mine)).json()).toMatchObject({ status: 'approved', approvalsRequired: 1 });
  });

  it('lets one of two approvers acting at once win; the other gets 409', async () => {
    const { w, b, url } = await usdWorld();
    const e = await record(await as(w, 'finance'), url, body(b));
    const [a, c] = await Promise.all([approve(await as(w, 'holder'), e), approve(await as(w, 'holder2'), e)]);
    expect([a.statusCode, c.statusCode].sort()).toEqual([200, 409]);
    const row = await t.db.selectFrom('expenditures').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
    expect([row.status, row.version]).toEqual(['approved', 2]);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', e.id).where('action', '=', 'expenditure.approve').execute()).toHaveLength(1);
  });

  it('rejects with a reason, which is final', async () => {
    const { w, b, url } = await usdWorld();
    const e = await record(await as(w, 'finance'), url, body(b));
    const holder = await as(w, 'holder');
    const noReason = await holder.post(`/api/expenditures/${e.id}/reject`, { reason: ' ', version: 1 });
    expect([noReason.statusCode, reasons(noReason)]).toEqual([400, ['body.reason:required']]);
    const stale = await holder.post(`/api/expenditures/${e.id}/reject`, { reason: 'No receipt', version: 7 });
    expect([stale.statusCode, reasons(stale)]).toEqual([409, ['version:stale_version']]);
    const res = await holder.post(`/api/expenditures/${e.id}/reject`, { reason: 'No receipt', version: 1 });
    expect(res.json()).toMatchObject({ status: 'rejected', rejectedBy: { id: w.users.holder.id }, rejectionReason: 'No receipt' });
    expect((await approve(await as(w, 'holder2'), { id: e.id, version: 2 })).statusCode).toBe(409);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', e.id).where('action', '=', 'expenditure.reject').executeTakeFirstOrThrow();
    expect([audit.note, JSON.parse(audit.before_json!).status, JSON.parse(audit.after_json!).status]).toEqual(['No receipt', 'submitted', 'rejected']);
  });
});

describe('changing and withdrawing', () => {
  it('lets the submitter change it while submitted, recomputing the conversion and approvals, audited before and after', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const e = await record(finance, url, body(b));
    expect(e.canEdit).toBe(true);
    const res = await finance.request('PUT', `/api/expenditures/${e.id}`, { ...body(b, { budgetLineId: b.lineIds['2.1'], currency: 'XOF', amountMinor: 908250, exchangeRate: '605.5', rateSource: 'BCEAO', rateDate: '2026-03-01' }), version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    // 908,250 XOF / 605.5 = USD 1,500.00: now above the threshold.
    expect(res.json()).toMatchObject({ line: { code: '2.1', description: 'Community forums travel' }, amountBudget: { amountMinor: 150000 }, approvalsRequired: 2, version: 2 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', e.id).where('action', '=', 'expenditure.update').executeTakeFirstOrThrow();
    expect([JSON.parse(audit.before_json!).amountBudgetMinor, JSON.parse(audit.after_json!).amountBudgetMinor]).toEqual([12345, 150000]);

    expect((await finance.request('PUT', `/api/expenditures/${e.id}`, { ...body(b), version: 1 })).statusCode).toBe(409);
    const other = await (await as(w, 'finance2')).request('PUT', `/api/expenditures/${e.id}`, { ...body(b), version: 2 });
    expect([other.statusCode, reasons(other)]).toEqual([403, [':not_submitter']]);
    expect((await (await as(w, 'finance2')).delete(`/api/expenditures/${e.id}`)).statusCode).toBe(403);

    expect((await finance.delete(`/api/expenditures/${e.id}?version=1`)).statusCode).toBe(409);
    expect((await finance.delete(`/api/expenditures/${e.id}?version=2`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('expenditures').select('id').where('id', '=', e.id).execute()).toEqual([]);
    const withdrawn = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', e.id).where('action', '=', 'expenditure.withdraw').executeTakeFirstOrThrow();
    expect(JSON.parse(withdrawn.before_json!)).toMatchObject({ amountBudgetMinor: 150000, status: 'submitted' });
  });
});

describe('who may', () => {
  it('keeps money from reporters, partners and viewers (403), hides the project from outsiders (404) and lets only recorders record', async () => {
    const { w, b, url } = await usdWorld();
    const e = await record(await as(w, 'finance'), url, body(b));
    for (const who of ['reporter', 'partner', 'viewer'] as const) {
      const agent = await as(w, who);
      const results = [
        (await agent.get(url)).statusCode,
        (await agent.get(`${url}/options`)).statusCode,
        (await agent.post(url, body(b))).statusCode,
        (await agent.get(`/api/expenditures/${e.id}`)).statusCode,
        (await approve(agent, e)).statusCode,
        (await agent.get(`/api/expenditures/${e.id}/attachment`)).statusCode,
      ];
      expect({ who, results }).toEqual({ who, results: [403, 403, 403, 403, 403, 403] });
    }
    for (const who of ['outsider', 'outsiderHolder'] as const) {
      const agent = await as(w, who);
      const results = [(await agent.get(url)).statusCode, (await agent.post(url, body(b))).statusCode, (await agent.get(`/api/expenditures/${e.id}`)).statusCode, (await approve(agent, e)).statusCode];
      expect({ who, results }).toEqual({ who, results: [404, 404, 404, 404] });
    }
    // An M&E officer reads money but neither records nor approves; a finance officer records but does not approve.
    const me = await as(w, 'me');
    expect((await me.get(url)).json()).toMatchObject({ canRecord: false, total: 1 });
    expect((await me.post(url, body(b))).statusCode).toBe(403);
    expect((await approve(me, e)).statusCode).toBe(403);
    expect((await approve(await as(w, 'finance2'), e)).statusCode).toBe(403);
    expect((await (await as(w, 'manager')).get(url)).json()).toMatchObject({ canRecord: true });
  });
});

describe('lists', () => {
  it('filters by status, line and dates, pages, and tells each reader what they may do', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const a = await record(finance, url, body(b, { expenseDate: '2026-01-10', invoiceRef: 'A' }));
    const c = await record(finance, url, body(b, { budgetLineId: b.lineIds['2.1'], expenseDate: '2026-02-10', amountMinor: 20000, invoiceRef: 'C' }));
    const d = await record(finance, url, body(b, { expenseDate: '2026-03-10', amountMinor: 30000, invoiceRef: 'D' }));
    await approve(await as(w, 'holder'), c);

    const all = (await (await as(w, 'holder')).get(url)).json() as ExpenditureList;
    expect(all.items.map((i) => [i.id, i.line.code, i.status, i.canApprove, i.canEdit])).toEqual([
      [d.id, '1.1', 'submitted', true, false],
      [c.id, '2.1', 'approved', false, false],
      [a.id, '1.1', 'submitted', true, false],
    ]);
    expect(all.items[1]).toMatchObject({ submittedBy: { name: 'Fatima Finance' }, approvedBy: { name: 'Hawa Holder' }, budget: { currency: 'USD' } });
    const mine = (await finance.get(url)).json() as ExpenditureList;
    expect(mine.items.map((i) => [i.canApprove, i.canEdit])).toEqual([[false, true], [false, false], [false, true]]);

    const ids = async (q: string) => ((await finance.get(`${url}?${q}`)).json() as ExpenditureList).items.map((i) => i.id);
    expect(await ids('status=approved')).toEqual([c.id]);
    expect(await ids(`lineId=${b.lineIds['1.1']}`)).toEqual([d.id, a.id]);
    expect(await ids('from=2026-01-15&to=2026-02-28')).toEqual([c.id]);
    expect(await ids(`budgetId=${b.budget.id}&page=2`)).toEqual([]);
    expect((await finance.get(`${url}?status=paid`)).statusCode).toBe(400);

    // The record dialog's lines: approved USD 200.00 on 2.1; USD 123.45 + 300.00 pending on 1.1.
    const options = (await finance.get(`${url}/options`)).json() as ExpenditureOptions;
    expect(options.budgets.map((x) => [x.id, x.versionNumber, x.secondApprovalThresholdMinor])).toEqual([[b.budget.id, 1, 100000]]);
    expect(options.budgets[0]!.lines.map((l) => [l.code, l.totalMinor, l.actualMinor, l.pendingMinor, l.remainingMinor])).toEqual([
      ['1.1', 1_000_000, 0, 42345, 957_655],
      ['2.1', 500_000, 20000, 0, 480_000],
    ]);
  });

  it('lists what waits for my approval across projects, never my own nor one I approved first', async () => {
    const { w, b, url } = await usdWorld();
    const second = await usdWorld();
    const finance = await as(w, 'finance');
    const small = await record(finance, url, body(b, { invoiceRef: 'S' }));
    const big = await record(finance, url, body(b, { amountMinor: 200000, invoiceRef: 'B' }));
    await record(await as(w, 'holder'), url, body(b, { invoiceRef: 'MINE' }));
    await record(await as(second.w, 'finance'), second.url, body(second.b));

    const holder = await as(w, 'holder');
    const listed = (await holder.get('/api/expenditures/awaiting-my-approval')).json() as AwaitingApproval;
    expect(listed.items.map((i) => [i.id, i.project.code])).toEqual([[small.id, w.project.code], [big.id, w.project.code]]);
    await approve(holder, big);
    expect(((await holder.get('/api/expenditures/awaiting-my-approval')).json() as AwaitingApproval).items.map((i) => i.id)).toEqual([small.id]);
    const holder2 = ((await (await as(w, 'holder2')).get('/api/expenditures/awaiting-my-approval')).json() as AwaitingApproval).items.map((i) => [i.id, i.status]);
    expect(holder2).toHaveLength(3);
    expect(holder2).toContainEqual([big.id, 'awaiting_second_approval']);
    expect(((await finance.get('/api/expenditures/awaiting-my-approval')).json() as AwaitingApproval).total).toBe(0);
  });
});

describe('receipts', () => {
  it('stores a PDF, PNG, JPEG or XLSX typed from its bytes and gives the same bytes back', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const e = await record(finance, url, body(b));
    for (const [name, bytes, type] of [
      ['receipt.pdf', files.pdf, 'application/pdf'],
      ['photo', files.png, 'image/png'],
      ['photo.jpg', files.jpeg, 'image/jpeg'],
      ['invoice.xlsx', files.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      // Whatever the client claims, the bytes decide.
      const res = await finance.request('POST', `/api/expenditures/${e.id}/attachment?name=${name}`, bytes, { 'content-type': 'text/plain' });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as Expenditure).attachment).toMatchObject({ contentType: type, sizeBytes: bytes.length });
      const down = await (await as(w, 'holder')).get(`/api/expenditures/${e.id}/attachment`);
      expect([down.statusCode, down.headers['content-type'], down.headers['x-content-type-options']]).toEqual([200, type, 'nosniff']);
      expect(Buffer.compare(down.rawPayload, bytes)).toBe(0);
    }
    expect(((await finance.get(`/api/expenditures/${e.id}`)).json() as Expenditure).attachment?.fileName).toBe('invoice.xlsx');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', e.id).where('action', '=', 'expenditure.attachment').execute();
    expect(audit).toHaveLength(4);
  });

  it('is the recorder’s evidence: an approver cannot replace it before deciding, and nobody can once someone approved', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const holder = await as(w, 'holder');
    const e = await record(finance, url, body(b));
    const upload = (agent: Agent, bytes: Buffer) => agent.request('POST', `/api/expenditures/${e.id}/attachment?name=r.pdf`, bytes, { 'content-type': 'application/pdf' });
    expect((await upload(holder, files.pdf)).statusCode).toBe(403);
    expect((await upload(finance, files.pdf)).statusCode).toBe(201);
    const { version } = (await finance.get(`/api/expenditures/${e.id}`)).json() as Expenditure;
    expect((await holder.post(`/api/expenditures/${e.id}/approve`, { version })).statusCode).toBe(200);
    expect([403, 409]).toContain((await upload(finance, files.png)).statusCode);
    const stored = await t.db.selectFrom('expenditures').select('attachment_type').where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(stored.attachment_type).toBe('application/pdf');
  });

  it('refuses other types, empty files and files over 10 MB', async () => {
    const { w, b, url } = await usdWorld();
    const finance = await as(w, 'finance');
    const e = await record(finance, url, body(b));
    expect((await finance.get(`/api/expenditures/${e.id}/attachment`)).statusCode).toBe(404);
    const upload = (bytes: Buffer, name = 'x') => finance.request('POST', `/api/expenditures/${e.id}/attachment?name=${name}`, bytes, { 'content-type': 'application/pdf' });
    for (const bytes of [files.html, files.csv, files.exe, files.webp, files.docx, files.xlsm, files.zip]) {
      const res = await upload(bytes, 'receipt.pdf');
      expect([res.statusCode, reasons(res)]).toEqual([400, ['body:expenditure_file_type_not_allowed']]);
    }
    expect(reasons(await upload(Buffer.alloc(0)))).toEqual(['body:empty_file']);
    const big = Buffer.concat([files.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(big);
    expect([tooBig.statusCode, reasons(tooBig)]).toEqual([413, ['body:file_too_large']]);
    // Someone who sees the money but does not record may not attach.
    expect((await (await as(w, 'me')).request('POST', `/api/expenditures/${e.id}/attachment?name=r.pdf`, files.pdf, { 'content-type': 'application/pdf' })).statusCode).toBe(403);
    expect((await t.db.selectFrom('expenditures').select('attachment_name').where('id', '=', e.id).executeTakeFirstOrThrow()).attachment_name).toBeNull();
  });
});
