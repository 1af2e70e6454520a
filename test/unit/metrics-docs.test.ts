import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  cadenceComplianceDefinition,
  cadenceTouchpointsDefinition,
  complianceCheckDefinition,
  dataComplianceDefinition,
  healthBandDefinition,
  healthFactorDefinition,
  healthScoreDefinition,
  mbrMetricDefinitions,
  noRhythmDefinition,
  nsatCurrentDefinition,
  nsatDefinition,
  openByAgeDefinition,
  partnerHealthDefinition,
  scorecardMetricDefinitions,
  slaStateDefinition,
  taskCompletionDefinition,
  taskOnTimeDefinition,
  taskOverdueDefinition,
  timeToResolveDefinition,
} from '#shared/domain/metrics'

const docs = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')

describe('metric definitions', () => {
  it('the info icons show the words of docs/metrics.md', () => {
    for (const text of [
      healthScoreDefinition,
      healthBandDefinition,
      partnerHealthDefinition,
      ...Object.values(healthFactorDefinition),
      timeToResolveDefinition,
      openByAgeDefinition,
      slaStateDefinition,
      cadenceComplianceDefinition,
      noRhythmDefinition,
      cadenceTouchpointsDefinition,
      nsatDefinition,
      nsatCurrentDefinition,
      ...Object.values(mbrMetricDefinitions),
      ...Object.values(scorecardMetricDefinitions),
      taskCompletionDefinition,
      taskOverdueDefinition,
      taskOnTimeDefinition,
      dataComplianceDefinition,
      ...Object.values(complianceCheckDefinition),
    ])
      expect(docs).toContain(text.replace(/\s+/g, ' '))
  })
})
