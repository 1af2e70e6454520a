import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { readActiveUserReport } from '#server/modules/imports/m365/active-users'
import { tempFiles } from '#test/helpers/imports-files'
import { expectedCounts, SAMPLE } from '#test/helpers/imports-m365'

const files = tempFiles()
afterAll(files.cleanup)

const header =
  'Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products'

function user(refresh: string, deleted: string, exchange: [string, string], extra = '') {
  return `${refresh},1A2B3C4D5E6F,,${deleted},,${exchange[0]},False,False,False,False,False,${exchange[1]},,,,,,,,,,,,${extra}`
}

describe('Office 365 active user detail report', () => {
  it('counts the shared sample like the plain reimplementation of the rule', async () => {
    const r = await readActiveUserReport(SAMPLE)
    expect(r.asOf).toBe('2026-09-30')
    expect(r.users).toBe(60)
    expect(r.unknownColumns).toEqual([])
    expect(r.workloads).toEqual(expectedCounts(readFileSync(SAMPLE, 'utf8')))
  })

  it('counts the 28-day window to the day, ignores deleted users and users without a licence', async () => {
    const path = files.write(
      [
        header,
        user('2026-09-30', 'False', ['True', '2026-09-03']), // 27 days before: active
        user('2026-09-30', 'False', ['True', '2026-09-02']), // 28 days before: licensed, inactive
        user('2026-09-30', 'False', ['True', '']), // never active
        user('2026-09-30', 'True', ['True', '2026-09-30']), // deleted
        user('2026-09-30', 'False', ['False', '2026-09-30']), // no licence
      ].join('\r\n'),
    )
    const r = await readActiveUserReport(path)
    expect(r.workloads.find((w) => w.workload === 'EXO')).toEqual({ workload: 'EXO', licensed: 3, active: 1 })
  })

  it('reports unknown columns (obfuscated names are fine) and works without the columns it does not need', async () => {
    const path = files.write(
      'Report Refresh Date,User Principal Name,Is Deleted,Has Teams License,Teams Last Activity Date,Has Copilot License\n2026-09-30,9F8E7D6C5B4A39281706,False,True,2026-09-29,True\n',
    )
    const r = await readActiveUserReport(path)
    expect(r.unknownColumns).toEqual(['Has Copilot License'])
    expect(r.workloads).toEqual([{ workload: 'TEAMS', licensed: 1, active: 1 }])
  })

  it('names missing required columns and the columns found', async () => {
    await expect(
      readActiveUserReport(files.write('User Principal Name,Has Teams License\nx,True\n')),
    ).rejects.toThrow(
      /missing column\(s\) "Is Deleted", "Report Refresh Date", "Teams Last Activity Date"\. Columns found: "User Principal Name", "Has Teams License"/,
    )
  })

  it('refuses bad dates and mixed refresh dates, with rows and columns', async () => {
    const bad = files.write(
      [
        header,
        user('2026-09-30', 'False', ['True', '2026-13-01']),
        user('30/09/2026', 'False', ['True', '']),
      ].join('\n'),
    )
    const err = await readActiveUserReport(bad).catch((e) => e)
    expect(err.code).toBe('INVALID_FILE')
    expect(err.issues).toEqual([
      {
        row: 2,
        column: 'Exchange Last Activity Date',
        value: '2026-13-01',
        message: 'Not a date (use YYYY-MM-DD)',
      },
      { row: 3, column: 'Report Refresh Date', value: '30/09/2026', message: 'Not a date (use YYYY-MM-DD)' },
    ])
    const mixed = files.write(
      [header, user('2026-09-30', 'False', ['True', '']), user('2026-10-01', 'False', ['True', ''])].join(
        '\n',
      ),
    )
    await expect(readActiveUserReport(mixed)).rejects.toThrow(
      /mixes refresh dates: 2026-09-30 on row 2, 2026-10-01/,
    )
  })
})
