import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  actionItems,
  customers,
  insights,
  meetingSeries,
  offboardingRecommendations,
  referrals,
  spotlights,
  taskCompletions,
  taskDefinitions,
} from '#db/schema/index'
import { analyticsRefresher } from '#server/modules/analytics/refresh/service'
import { defaultProgramSettings } from '#shared/contracts/settings'
import { addDays, today } from '#shared/domain/periods'
import { createAccessTestApp } from '#test/helpers/app'
import type { AccessFixture } from '#test/helpers/fixtures'
import { SAMPLE } from '#test/helpers/imports-m365'
import { multipart } from '#test/helpers/imports-multipart'

/**
 * Every role on every route: the expected status of each call, role by role. A record outside the
 * caller's scope answers 404 exactly like a missing one; a visible record the role may not change, 403.
 */
type Key = 'admin' | 'leadA' | 'leadB' | 'fpmA1' | 'fpmA2' | 'fpmB1' | 'smeA' | 'viewer' | 'viewerB'
const keys: Key[] = ['admin', 'leadA', 'leadB', 'fpmA1', 'fpmA2', 'fpmB1', 'smeA', 'viewer', 'viewerB']
type Expect = Record<Key, number>
const row = (...s: number[]): Expect => Object.fromEntries(keys.map((k, i) => [k, s[i]])) as Expect

type Call = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT'
  url: (fx: AccessFixture) => string
  body?: (fx: AccessFixture, k: Key, i: number) => unknown
  /** A multipart upload instead of a JSON body. */
  upload?: (fx: AccessFixture, k: Key) => ReturnType<typeof multipart>
  /** Needs no session (a secret-URL calendar feed): answers 404, not 401, without one. */
  public?: true
}
const portfolioCsv = (partnerId: string, k: string) =>
  `Partner ID,Partner Name,Customer TPID,Customer Name,Workload,Licensed Users,Active Users\n${partnerId},Alpha One,UP-${k},Uploaded ${k},EXO,10,5\n`
//                                   admin leadA leadB fpmA1 fpmA2 fpmB1 smeA viewer viewerB
const readA1 = row(200, 200, 404, 200, 404, 404, 200, 200, 404)
const writeA1 = row(200, 200, 404, 200, 404, 404, 403, 403, 404)
const createA1 = row(201, 201, 404, 201, 404, 404, 403, 403, 404)

const matrix: [string, Call, Expect][] = [
  // Meetings and action items (series A1 and its 6 January 2026 occurrence are seeded below).
  [
    'list meeting series of A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/meeting-series` },
    readA1,
  ],
  [
    'create a meeting series on A1',
    {
      method: 'POST',
      url: (fx) => `/api/partners/${fx.partnerA1.id}/meeting-series`,
      body: (_fx, k) => ({
        kind: 'rob',
        title: `ROB by ${k}`,
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        startLocal: '2026-01-06T09:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 30,
      }),
    },
    createA1,
  ],
  [
    'meeting people of A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/meeting-people` },
    readA1,
  ],
  ['GET meeting series of A1', { method: 'GET', url: () => `/api/meeting-series/${seriesA1}` }, readA1],
  [
    'PATCH meeting series of A1',
    {
      method: 'PATCH',
      url: () => `/api/meeting-series/${seriesA1}`,
      body: (_fx, k) => ({ title: `ROB ${k}` }),
    },
    writeA1,
  ],
  [
    'end meeting series of A1',
    { method: 'POST', url: () => `/api/meeting-series/${endedA1}/end`, body: () => ({}) },
    writeA1,
  ],
  [
    'list meetings in a window',
    { method: 'GET', url: () => '/api/meetings?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['GET meeting of A1', { method: 'GET', url: () => meetingA1 }, readA1],
  [
    'PATCH meeting of A1',
    { method: 'PATCH', url: () => meetingA1, body: (_fx, k) => ({ minutes: `Minutes by ${k}` }) },
    writeA1,
  ],
  ['GET agenda draft of A1', { method: 'GET', url: () => `${meetingA1}/agenda-draft` }, readA1],
  ['GET meeting .ics of A1', { method: 'GET', url: () => `${meetingA1}/ics` }, readA1],
  [
    'list action items',
    { method: 'GET', url: () => '/api/action-items?status=all' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'create action item on A1',
    {
      method: 'POST',
      url: () => '/api/action-items',
      body: (fx, k) => ({
        partnerId: fx.partnerA1.id,
        title: `Follow up ${k}`,
        ownerUserId: fx.users.fpmA1.id,
      }),
    },
    createA1,
  ],
  [
    'PATCH action item of A1',
    {
      method: 'PATCH',
      url: () => `/api/action-items/${actionA1}`,
      body: (_fx, k) => ({ title: `Item ${k}` }),
    },
    writeA1,
  ],
  ['my week', { method: 'GET', url: () => '/api/my-week' }, row(200, 200, 200, 200, 200, 200, 200, 200, 200)],
  // Cadence compliance (decision 012): everyone reads their scope; a partner out of scope is 404.
  [
    'cadence compliance',
    { method: 'GET', url: () => '/api/cadence?period=2026-01' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['cadence of A1', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/cadence` }, readA1],
  // Offboarding (decision 017): FPMs propose for their partners, leads and admins review; a recommendation
  // on A1 is seeded below. A2 gets one from the admin first, so later writers meet the one open (409).
  [
    'offboarding overview',
    { method: 'GET', url: () => '/api/offboarding' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'offboarding of A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/offboarding` },
    readA1,
  ],
  [
    'propose offboarding A2',
    {
      method: 'POST',
      url: (fx) => `/api/partners/${fx.partnerA2.id}/offboarding`,
      body: (_fx, k) => ({ reason: `Not progressing (${k})` }),
    },
    row(201, 409, 404, 404, 409, 404, 404, 403, 404),
  ],
  // Role scorecard (decision 018): everyone reads the FPMs of their scope.
  [
    'role scorecard',
    { method: 'GET', url: () => '/api/scorecard?period=2026-Q4' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'role scorecard drill-down',
    { method: 'GET', url: () => '/api/scorecard/drilldown?metric=cadence_compliance' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'review the offboarding recommendation of A1',
    {
      method: 'POST',
      url: () => `/api/offboarding/${recommendationA1}/transition`,
      body: (_fx, k) => ({ to: k === 'leadA' ? 'proposed' : 'reviewed' }),
    },
    row(200, 200, 404, 403, 404, 404, 403, 403, 404),
  ],
  // NSAT (decision 013): everyone reads their scope; writers record and import on their own partners only.
  [
    'NSAT overview',
    { method: 'GET', url: () => '/api/nsat?period=FY2026' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['NSAT of A1', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/nsat` }, readA1],
  [
    'record an NSAT response on A1',
    {
      method: 'POST',
      url: (fx) => `/api/partners/${fx.partnerA1.id}/nsat/responses`,
      body: (_fx, k) => ({
        respondentName: `Respondent ${k}`,
        respondedOn: '2026-01-15',
        source: 'partner_survey',
        scale: 'msit4',
        answer: 'very_satisfied',
      }),
    },
    createA1,
  ],
  [
    'list NSAT responses',
    { method: 'GET', url: () => '/api/nsat/responses' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    // A row naming a partner you cannot edit is a row error (400), never a write.
    'import NSAT responses for partner A1',
    {
      method: 'POST',
      url: () => '/api/nsat/import',
      upload: (_fx, k) =>
        multipart(
          {},
          {
            name: 'nsat.csv',
            content: `Partner ID,Respondent,Date,Answer\nPA1,Importer ${k},2026-01-20,4\n`,
          },
        ),
    },
    row(200, 200, 400, 200, 400, 400, 403, 403, 403),
  ],
  // Data compliance (decision 015): everyone reads their scope; a partner out of scope is 404.
  [
    'data compliance',
    { method: 'GET', url: () => '/api/compliance' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'data compliance failures',
    { method: 'GET', url: () => '/api/compliance/failures?check=usage' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'data compliance of A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/compliance` },
    readA1,
  ],
  [
    'calendar feed status',
    { method: 'GET', url: () => '/api/calendar/feed' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'new calendar feed',
    { method: 'POST', url: () => '/api/calendar/feed' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'revoke calendar feed',
    { method: 'POST', url: () => '/api/calendar/feed/revoke' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  // The daily digest setting is each user's own (viewers too: it is not portfolio data).
  [
    'my digest setting',
    { method: 'GET', url: () => '/api/me/digest' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'switch my digest off',
    { method: 'PUT', url: () => '/api/me/digest', body: () => ({ enabled: false }) },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'calendar feed by an unknown token',
    { method: 'GET', url: () => `/api/calendar/${'u'.repeat(43)}.ics`, public: true },
    row(404, 404, 404, 404, 404, 404, 404, 404, 404),
  ],
  // Opportunities first: archiving partner or customer A1 below removes (then re-finds) its opportunities.
  [
    'list opportunities',
    { method: 'GET', url: () => '/api/opportunities?state=all' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'list opportunity rules',
    { method: 'GET', url: () => '/api/opportunities/rules' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['GET opportunity of A1', { method: 'GET', url: () => `/api/opportunities/${opportunityA1}` }, readA1],
  [
    'GET opportunity history of A1',
    { method: 'GET', url: () => `/api/opportunities/${opportunityA1}/history` },
    readA1,
  ],
  [
    'dismiss opportunity of A1',
    {
      method: 'POST',
      url: () => `/api/opportunities/${opportunityA1}/dismiss`,
      body: (_fx, k) => ({ reason: `Dismissed by ${k}` }),
    },
    writeA1,
  ],
  [
    'snooze opportunity of A1',
    {
      method: 'POST',
      url: () => `/api/opportunities/${opportunityA1}/snooze`,
      body: () => ({ reason: 'Later', until: addDays(today(), 30) }),
    },
    writeA1,
  ],
  [
    'turn opportunity of A1 into an action item',
    {
      method: 'POST',
      url: () => `/api/opportunities/${opportunityA1}/action`,
      body: (_fx, k) => ({ title: `Follow up (${k})` }),
    },
    writeA1,
  ],
  [
    'reopen opportunity of A1',
    { method: 'POST', url: () => `/api/opportunities/${opportunityA1}/reopen`, body: () => ({}) },
    writeA1,
  ],
  ['GET partner', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}` }, readA1],
  [
    'PATCH partner',
    { method: 'PATCH', url: (fx) => `/api/partners/${fx.partnerA1.id}`, body: () => ({ notes: 'checked' }) },
    writeA1,
  ],
  ['archive partner', { method: 'POST', url: (fx) => `/api/partners/${fx.partnerA1.id}/archive` }, writeA1],
  ['restore partner', { method: 'POST', url: (fx) => `/api/partners/${fx.partnerA1.id}/restore` }, writeA1],
  [
    'list stakeholders',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/stakeholders` },
    readA1,
  ],
  [
    'add stakeholder',
    {
      method: 'POST',
      url: (fx) => `/api/partners/${fx.partnerA1.id}/stakeholders`,
      body: (_fx, k) => ({ side: 'partner', role: 'delivery_lead', name: `Lead via ${k}` }),
    },
    createA1,
  ],
  [
    'PATCH stakeholder',
    {
      method: 'PATCH',
      url: (fx) => `/api/stakeholders/${fx.stakeholderA1.id}`,
      body: () => ({ phone: '+44 1' }),
    },
    writeA1,
  ],
  [
    'archive stakeholder',
    { method: 'POST', url: (fx) => `/api/stakeholders/${fx.stakeholderA1.id}/archive` },
    writeA1,
  ],
  [
    'restore stakeholder',
    { method: 'POST', url: (fx) => `/api/stakeholders/${fx.stakeholderA1.id}/restore` },
    writeA1,
  ],
  ['GET customer', { method: 'GET', url: (fx) => `/api/customers/${fx.customerA1.id}` }, readA1],
  [
    'PATCH customer',
    {
      method: 'PATCH',
      url: (fx) => `/api/customers/${fx.customerA1.id}`,
      body: () => ({ country: 'Ireland' }),
    },
    writeA1,
  ],
  [
    'archive customer',
    { method: 'POST', url: (fx) => `/api/customers/${fx.customerA1.id}/archive` },
    writeA1,
  ],
  [
    'restore customer',
    { method: 'POST', url: (fx) => `/api/customers/${fx.customerA1.id}/restore` },
    writeA1,
  ],
  [
    'add engagement',
    {
      method: 'POST',
      url: (fx) => `/api/customers/${fx.customerA1.id}/engagements`,
      body: (fx, _k, i) => ({
        partnerId: fx.partnerA1.id,
        workloadCode: ['SPO', 'TEAMS', 'OD', 'OPP', 'INTUNE', 'AADP', 'YAM', 'MIP', 'VIVA'][i],
      }),
    },
    createA1,
  ],
  [
    'PATCH engagement',
    {
      method: 'PATCH',
      url: (fx) => `/api/engagements/${fx.engagementA1.id}`,
      body: () => ({ phase: 'adoption' }),
    },
    writeA1,
  ],
  [
    'create partner',
    {
      method: 'POST',
      url: () => '/api/partners',
      body: (_fx, k) => ({ programId: `NEW-${k}`, name: `New by ${k}` }),
    },
    row(201, 201, 201, 201, 201, 201, 403, 403, 403),
  ],
  [
    'create customer for partner A1',
    {
      method: 'POST',
      url: () => '/api/customers',
      body: (fx, k) => ({ tpid: `T-${k}`, name: `Customer by ${k}`, primaryPartnerId: fx.partnerA1.id }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 403),
  ],
  [
    'GET customer health',
    { method: 'GET', url: (fx) => `/api/customers/${fx.customerA1.id}/health` },
    readA1,
  ],
  ['GET partner health', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/health` }, readA1],
  [
    'list settings',
    { method: 'GET', url: () => '/api/settings' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'GET settings in force',
    { method: 'GET', url: () => '/api/settings/in-force?date=2026-10-15' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'PUT settings',
    {
      method: 'PUT',
      url: () => '/api/settings/2027-07-01',
      body: (_fx, k) => ({ values: defaultProgramSettings, note: `Saved by ${k}` }),
    },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'list users',
    { method: 'GET', url: () => '/api/users' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'create user',
    {
      method: 'POST',
      url: () => '/api/users',
      body: (_fx, k) => ({
        email: `made-by-${k.toLowerCase()}@test.example`,
        displayName: 'Made',
        role: 'viewer',
        password: 'long-enough-pass',
      }),
    },
    row(201, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'PATCH user',
    {
      method: 'PATCH',
      url: (fx) => `/api/users/${fx.users.viewerB.id}`,
      body: () => ({ displayName: 'Viewer B' }),
    },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'list regions',
    { method: 'GET', url: () => '/api/regions' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'list workloads',
    { method: 'GET', url: () => '/api/workloads' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'list partners',
    { method: 'GET', url: () => '/api/partners' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['partner analytics', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/analytics` }, readA1],
  [
    'dashboard',
    { method: 'GET', url: () => '/api/analytics/dashboard' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'portfolio health review of partner A1',
    { method: 'GET', url: (fx) => `/api/reports/portfolio.xlsx?partnerId=${fx.partnerA1.id}` },
    readA1,
  ],
  [
    'portfolio health review',
    { method: 'GET', url: () => '/api/reports/portfolio.xlsx' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'MBR deck of partner A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/mbr?month=2026-10` },
    readA1,
  ],
  [
    'MBR appendix of partner A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/mbr?month=2026-09&format=xlsx` },
    readA1,
  ],
  [
    'list customers',
    { method: 'GET', url: () => '/api/customers' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    // A file row for a partner outside your portfolio is a row error, never a write: the preview still answers 201.
    'preview a portfolio import for partner A1',
    {
      method: 'POST',
      url: () => '/api/imports/portfolio',
      upload: (_fx, k) => multipart({}, { name: 'p.csv', content: portfolioCsv('PA1', k) }),
    },
    row(201, 201, 201, 201, 201, 201, 403, 403, 403),
  ],
  [
    'list imports',
    { method: 'GET', url: () => '/api/imports' },
    row(200, 200, 200, 200, 200, 200, 403, 403, 403),
  ],
  [
    'GET an import of the admin',
    { method: 'GET', url: () => `/api/imports/${adminImportId}` },
    row(200, 404, 404, 404, 404, 404, 403, 403, 403),
  ],
  [
    'import an M365 report for customer A1',
    {
      method: 'POST',
      url: () => '/api/imports/m365-active-users',
      upload: () =>
        multipart(
          { customer: '1001' },
          {
            name: 'm365.csv',
            content: readFileSync(SAMPLE),
          },
        ),
    },
    row(200, 200, 404, 200, 404, 404, 403, 403, 403),
  ],
  // Escalations (decision 009): writers in scope change them; an SME only those they own.
  [
    'list escalations',
    { method: 'GET', url: () => '/api/escalations?status=all' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['GET escalation of A1', { method: 'GET', url: () => `/api/escalations/${escalationA1}` }, readA1],
  [
    'raise escalation on A1',
    {
      method: 'POST',
      url: () => '/api/escalations',
      body: (fx, k) => ({
        title: `By ${k}`,
        severity: 'low',
        category: 'process',
        partnerId: fx.partnerA1.id,
      }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  [
    'PATCH escalation of A1',
    {
      method: 'PATCH',
      url: () => `/api/escalations/${escalationA1}`,
      body: (_fx, k) => ({ title: `By ${k}` }),
    },
    writeA1,
  ],
  [
    'transition escalation of A1',
    {
      method: 'POST',
      url: () => `/api/escalations/${escalationA1}/transition`,
      body: (_fx, k) => ({
        status: k === 'leadA' ? 'open' : k === 'admin' || k === 'fpmA1' ? 'in_progress' : 'resolved',
      }),
    },
    writeA1,
  ],
  [
    'transition escalation of A1 owned by SME A',
    {
      method: 'POST',
      url: () => `/api/escalations/${escalationA1Sme}/transition`,
      body: (_fx, k) => ({ status: ['admin', 'fpmA1'].includes(k) ? 'in_progress' : 'open' }),
    },
    row(200, 200, 404, 200, 404, 404, 200, 403, 404),
  ],
  [
    'escalate escalation of A1',
    {
      method: 'POST',
      url: () => `/api/escalations/${escalationA1}/escalate`,
      body: (_fx, k) => ({ target: 'lead', note: `By ${k}` }),
    },
    writeA1,
  ],
  [
    'open escalations of partner A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/escalations/open` },
    readA1,
  ],
  [
    'GET escalation SLA hours',
    { method: 'GET', url: () => '/api/escalations/sla' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'PUT escalation SLA hours',
    {
      method: 'PUT',
      url: () => '/api/escalations/sla',
      body: () => ({ hours: { critical: 24, high: 72, medium: 168, low: 336 } }),
    },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'escalations time to resolve',
    { method: 'GET', url: () => '/api/escalations/reports/time-to-resolve' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'escalations open by age',
    { method: 'GET', url: () => '/api/escalations/reports/open-by-age' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'list touchpoints',
    { method: 'GET', url: () => '/api/touchpoints' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'log touchpoint on A1',
    {
      method: 'POST',
      url: () => '/api/touchpoints',
      body: (fx, k) => ({ partnerId: fx.partnerA1.id, kind: 'call', summary: `Call by ${k}` }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  [
    'touchpoints per month',
    { method: 'GET', url: () => '/api/touchpoints/monthly' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  // Milestones and tasks (a partner task and one completion on A1 are seeded below).
  [
    'task catalogue',
    { method: 'GET', url: () => '/api/tasks/catalogue' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'add a task to the catalogue',
    {
      method: 'POST',
      url: () => '/api/tasks/catalogue',
      body: (_fx, k) => ({
        code: `M-${k}`,
        name: k,
        mandatory: true,
        appliesTo: 'partner',
        expectedBy: 'days',
        days: 5,
      }),
    },
    row(201, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'edit a task',
    {
      method: 'PATCH',
      url: () => `/api/tasks/catalogue/${taskA}`,
      body: (_fx, k) => ({ name: `Edited by ${k}` }),
    },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'retire a task',
    { method: 'POST', url: () => `/api/tasks/catalogue/${taskRetire}/archive` },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  [
    'bring a task back',
    { method: 'POST', url: () => `/api/tasks/catalogue/${taskRetire}/restore` },
    row(200, 403, 403, 403, 403, 403, 403, 403, 403),
  ],
  ['tasks of A1', { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/tasks` }, readA1],
  [
    'complete a task on A1',
    {
      method: 'POST',
      url: () => '/api/tasks/completions',
      body: (fx, _k, i) => ({ taskId: matrixTasks[i], partnerId: fx.partnerA1.id, evidence: 'Done' }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  [
    'undo a completion on A1',
    { method: 'POST', url: () => `/api/tasks/completions/${completionA1}/undo` },
    writeA1,
  ],
  [
    'overdue tasks',
    { method: 'GET', url: () => '/api/tasks/overdue' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'task summary',
    { method: 'GET', url: () => '/api/tasks/summary' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  // Insights, spotlights and referrals (insight, spotlight and referral of A1 are seeded below).
  [
    'list insights',
    { method: 'GET', url: () => '/api/insights' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'raise insight on A1',
    {
      method: 'POST',
      url: () => '/api/insights',
      body: (fx, k) => ({ partnerId: fx.partnerA1.id, type: 'product', title: `By ${k}`, description: 'd' }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  [
    'insight counts',
    { method: 'GET', url: () => '/api/insights/counts' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'export insights',
    { method: 'GET', url: () => '/api/insights/export?format=csv' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['GET insight of A1', { method: 'GET', url: () => `/api/insights/${insightA1}` }, readA1],
  [
    'PATCH insight of A1',
    {
      method: 'PATCH',
      url: () => `/api/insights/${insightA1}`,
      body: (_fx, k) => ({ title: `Insight ${k}` }),
    },
    writeA1,
  ],
  [
    '+1 on insight of A1',
    {
      method: 'POST',
      url: () => `/api/insights/${insightA1}/plus-ones`,
      // A new customer each time, so that only access decides the answer.
      body: (_fx, _k, i) => ({ customerId: plusOneCustomers[i] }),
    },
    createA1,
  ],
  [
    'list spotlights',
    { method: 'GET', url: () => '/api/spotlights' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'write spotlight on A1',
    {
      method: 'POST',
      url: () => '/api/spotlights',
      body: (fx, k) => ({
        partnerId: fx.partnerA1.id,
        title: `By ${k}`,
        situation: 's',
        actions: 'a',
        outcome: 'o',
      }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  [
    'export spotlights',
    { method: 'GET', url: () => '/api/spotlights/export?format=xlsx' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  ['GET spotlight of A1', { method: 'GET', url: () => `/api/spotlights/${spotlightA1}` }, readA1],
  [
    'PATCH spotlight of A1',
    {
      method: 'PATCH',
      url: () => `/api/spotlights/${spotlightA1}`,
      body: (_fx, k) => ({ title: `Story ${k}` }),
    },
    writeA1,
  ],
  [
    'list referrals',
    { method: 'GET', url: () => '/api/referrals' },
    row(200, 200, 200, 200, 200, 200, 200, 200, 200),
  ],
  [
    'record referral on A1',
    {
      method: 'POST',
      url: () => '/api/referrals',
      body: (fx, k) => ({
        partnerId: fx.partnerA1.id,
        customerName: `Referred ${k}`,
        workloadCodes: ['EXO'],
        receivedAt: '2026-01-05T09:00:00Z',
      }),
    },
    row(201, 201, 400, 201, 400, 400, 403, 403, 400),
  ],
  ['GET referral of A1', { method: 'GET', url: () => `/api/referrals/${referralA1}` }, readA1],
  [
    'PATCH referral of A1',
    { method: 'PATCH', url: () => `/api/referrals/${referralA1}`, body: (_fx, k) => ({ note: `Note ${k}` }) },
    writeA1,
  ],
  [
    'referrals of partner A1',
    { method: 'GET', url: (fx) => `/api/partners/${fx.partnerA1.id}/referrals` },
    readA1,
  ],
]

let t: Awaited<ReturnType<typeof createAccessTestApp>>
let adminImportId = 0
let opportunityA1 = 0
let escalationA1 = 0
let escalationA1Sme = 0
let seriesA1 = 0
let endedA1 = 0
let meetingA1 = ''
let actionA1 = 0
let insightA1 = 0
let spotlightA1 = 0
let referralA1 = 0
const plusOneCustomers: number[] = []
let recommendationA1 = 0
let taskA = 0
let taskRetire = 0
let completionA1 = 0
const matrixTasks: number[] = []
const cookies = {} as Record<Key, string>
beforeAll(async () => {
  t = await createAccessTestApp()
  for (const k of keys) cookies[k] = await t.cookieFor(`${k.toLowerCase()}@test.example`)
  await analyticsRefresher(t.database).refresh()
  const found = await t.database.sql.query<{ id: number }>(
    `select id from opportunities where engagement_id = $1 and rule = 'unclaimed'`,
    [t.fx.engagementA1.id],
  )
  opportunityA1 = found.rows[0]!.id
  const up = multipart({}, { name: 'admin.csv', content: portfolioCsv('PA1', 'admin-own') })
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/imports/portfolio',
    payload: up.payload,
    headers: { ...up.headers, cookie: cookies.admin },
  })
  adminImportId = res.json().id
  const raiseA1 = (ownerUserId?: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/escalations',
      headers: { cookie: cookies.admin },
      payload: {
        title: 'Matrix',
        severity: 'high',
        category: 'technical',
        partnerId: t.fx.partnerA1.id,
        ownerUserId,
      },
    })
  escalationA1 = (await raiseA1()).json().id
  escalationA1Sme = (await raiseA1(t.fx.users.smeA.id)).json().id
  const series = (values: Partial<typeof meetingSeries.$inferInsert> = {}) => ({
    partnerId: t.fx.partnerA1.id,
    kind: 'rob',
    title: 'ROB A1',
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    startLocal: '2026-01-06T09:00',
    timeZone: 'Europe/Berlin',
    durationMinutes: 30,
    ownerUserId: t.fx.users.fpmA1.id,
    ...values,
  })
  const [s1, s2] = await t.database.db
    .insert(meetingSeries)
    .values([series(), series({ title: 'To end' })])
    .returning()
  seriesA1 = s1!.id
  endedA1 = s2!.id
  meetingA1 = `/api/meeting-series/${seriesA1}/occurrences/${encodeURIComponent('2026-01-06T08:00:00.000Z')}`
  const by = t.fx.users.fpmA1.id
  const [ins] = await t.database.db
    .insert(insights)
    .values({ partnerId: t.fx.partnerA1.id, type: 'product', title: 'I', description: 'd', submittedBy: by })
    .returning()
  insightA1 = ins!.id
  const [sp] = await t.database.db
    .insert(spotlights)
    .values({
      partnerId: t.fx.partnerA1.id,
      title: 'S',
      situation: 's',
      actions: 'a',
      outcome: 'o',
      createdBy: by,
    })
    .returning()
  spotlightA1 = sp!.id
  const [rf] = await t.database.db
    .insert(referrals)
    .values({ partnerId: t.fx.partnerA1.id, customerName: 'R', receivedAt: new Date(), recordedBy: by })
    .returning()
  referralA1 = rf!.id
  // Customers of partner A1 (visible to everyone who sees A1), one per role, for the +1 row.
  const extra = await t.database.db
    .insert(customers)
    .values(keys.map((k) => ({ tpid: `PLUS-${k}`, name: `Plus ${k}`, primaryPartnerId: t.fx.partnerA1.id })))
    .returning()
  plusOneCustomers.push(...extra.map((c) => c.id))
  const [a] = await t.database.db
    .insert(actionItems)
    .values({ partnerId: t.fx.partnerA1.id, title: 'Item A1', ownerUserId: t.fx.users.fpmA1.id })
    .returning()
  actionA1 = a!.id
  const [rec] = await t.database.db
    .insert(offboardingRecommendations)
    .values({ partnerId: t.fx.partnerA1.id, reason: 'Seeded', flags: [], proposedBy: t.fx.users.fpmA1.id })
    .returning()
  recommendationA1 = rec!.id
  const defs = await t.database.db
    .insert(taskDefinitions)
    .values(
      ['TA', 'TR', 'TC', ...keys].map((code) => ({
        code: `matrix-${code}`,
        name: code,
        appliesTo: 'partner',
        expectedBy: 'days',
        days: 10,
      })),
    )
    .returning()
  taskA = defs[0]!.id
  taskRetire = defs[1]!.id
  matrixTasks.push(...defs.slice(3).map((d) => d.id))
  const [c] = await t.database.db
    .insert(taskCompletions)
    .values({
      taskId: defs[2]!.id,
      partnerId: t.fx.partnerA1.id,
      completedOn: today(),
      completedBy: t.fx.users.admin.id,
      evidence: 'Matrix',
    })
    .returning()
  completionA1 = c!.id
})
afterAll(() => t.close())

describe('access matrix: every role on every route', () => {
  for (const [name, call, expected] of matrix) {
    it(name, async () => {
      const got = {} as Record<Key, number>
      for (const [i, k] of keys.entries()) {
        const up = call.upload?.(t.fx, k)
        const res = await t.app.inject({
          method: call.method,
          url: call.url(t.fx),
          headers: { ...up?.headers, cookie: cookies[k] },
          payload: up ? up.payload : (call.body?.(t.fx, k, i) as object),
        })
        got[k] = res.statusCode
        if (res.statusCode === 404) expect(res.json().error.code).toBe('NOT_FOUND')
        if (res.statusCode === 403) expect(res.json().error.code).toBe('FORBIDDEN')
      }
      expect(got).toEqual(expected)
    })
  }

  it('answers 401 on every route without a session', async () => {
    for (const [, call] of matrix) {
      if (call.public) continue
      const up = call.upload?.(t.fx, 'admin')
      const res = await t.app.inject({
        method: call.method,
        url: call.url(t.fx),
        headers: up?.headers,
        payload: up ? up.payload : (call.body?.(t.fx, 'admin', 0) as object),
      })
      expect(res.statusCode, `${call.method} ${call.url(t.fx)}`).toBe(401)
    }
  })

  it('answers 404 for a record you may not see exactly like a missing one', async () => {
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/partners/${t.fx.partnerB1.id}`,
      headers: { cookie: cookies.fpmA1 },
    })
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/partners/999999',
      headers: { cookie: cookies.fpmA1 },
    })
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json()).toEqual(missing.json())
  })
})

describe('lists show exactly the rows in scope', () => {
  const visible: Record<Key, string[]> = {
    admin: ['PA1', 'PA2', 'PB1'],
    leadA: ['PA1', 'PA2'],
    leadB: ['PB1'],
    fpmA1: ['PA1'],
    fpmA2: ['PA2'],
    fpmB1: ['PB1'],
    smeA: ['PA1'],
    viewer: ['PA1', 'PA2', 'PB1'],
    viewerB: ['PB1'],
  }
  for (const k of keys) {
    it(`partners and customers for ${k}`, async () => {
      const partners = await t.app.inject({
        method: 'GET',
        url: '/api/partners?pageSize=200&q=P',
        headers: { cookie: cookies[k] },
      })
      const fixtureIds = partners
        .json()
        .items.map((p: { programId: string }) => p.programId)
        .filter((id: string) => /^P[AB]\d$/.test(id))
      expect(fixtureIds.sort()).toEqual(visible[k])
      const customers = await t.app.inject({
        method: 'GET',
        url: '/api/customers?pageSize=200',
        headers: { cookie: cookies[k] },
      })
      const tpids = customers
        .json()
        .items.map((c: { tpid: string }) => c.tpid)
        .filter((id: string) => /^[12]00\d$/.test(id))
      const expectedTpids = visible[k].map((p) => ({ PA1: '1001', PA2: '1002', PB1: '2001' })[p])
      expect(tpids.sort()).toEqual(expectedTpids.sort())
    })
  }

  it('dashboards count exactly the partners each role may see', async () => {
    for (const k of keys) {
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[k] } })
      const listed = (await get('/api/partners?pageSize=200')).json().items.map((p: { id: number }) => p.id)
      const dashboard = (await get('/api/analytics/dashboard')).json()
      const counted = dashboard.partners.map((p: { partnerId: number }) => p.partnerId)
      expect(counted.sort(), k).toEqual(listed.sort())
    }
  })

  it('cadence counts exactly the partners each role may see', async () => {
    for (const k of keys) {
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[k] } })
      const listed = (await get('/api/partners?pageSize=200')).json().items.map((p: { id: number }) => p.id)
      const cadence = (await get('/api/cadence')).json()
      const counted = cadence.partners.map((p: { partnerId: number }) => p.partnerId)
      expect(counted.sort(), k).toEqual(listed.sort())
    }
  })

  it('data compliance counts exactly the partners each role may see', async () => {
    for (const k of keys) {
      const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[k] } })
      const listed = (await get('/api/partners?pageSize=200')).json().items.map((p: { id: number }) => p.id)
      const compliance = (await get('/api/compliance')).json()
      const counted = compliance.partners.map((p: { partnerId: number }) => p.partnerId)
      expect(counted.sort(), k).toEqual(listed.sort())
      const failures = (await get('/api/compliance/failures')).json()
      for (const f of failures.items) expect(listed, k).toContain(f.partnerId)
    }
  })

  it('a lead sees only the users of their region', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: cookies.leadB } })
    const emails = res.json().items.map((u: { email: string }) => u.email)
    expect(emails).toContain('fpmb1@test.example')
    expect(emails).not.toContain('fpma1@test.example')
  })
})
