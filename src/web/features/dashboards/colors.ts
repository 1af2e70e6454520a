import type { WorkloadCode } from '#shared/domain/workloads'

export { healthColor as bandColor } from '../../components/badges'

/** One colour per workload, the same on every chart. */
export const workloadColor: Record<WorkloadCode, string> = {
  EXO: 'blue.6',
  SPO: 'teal.6',
  OD: 'cyan.6',
  TEAMS: 'violet.6',
  YAM: 'grape.5',
  SFB: 'gray.6',
  OPP: 'orange.6',
  INTUNE: 'indigo.6',
  AADP: 'green.7',
  MIP: 'pink.6',
  VIVA: 'yellow.7',
}
export const colorOfWorkload = (code: string) => workloadColor[code as WorkloadCode] ?? 'gray.6'

/** Background of a heat-map cell for an active share (0–1): red below 15 %, amber to 40 %, green above. */
export function heatColor(share: number | null): string {
  if (share === null) return 'var(--mantine-color-gray-1)'
  if (share < 0.1) return 'var(--mantine-color-red-2)'
  if (share < 0.15) return 'var(--mantine-color-orange-2)'
  if (share < 0.4) return 'var(--mantine-color-yellow-2)'
  if (share < 0.6) return 'var(--mantine-color-teal-2)'
  return 'var(--mantine-color-teal-4)'
}
