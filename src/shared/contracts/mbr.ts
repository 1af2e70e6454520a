import { z } from 'zod'

/** The month of an MBR pack: YYYY-MM. */
export const mbrMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-10 (YYYY-MM)')
  .describe('The month of the pack, YYYY-MM')

export const mbrFormats = ['pptx', 'xlsx'] as const
export type MbrFormat = (typeof mbrFormats)[number]
export const mbrFormatLabel: Record<MbrFormat, string> = {
  pptx: 'Deck (PowerPoint)',
  xlsx: 'Appendix (Excel)',
}

/** GET /api/partners/:id/mbr: the deck (format pptx, the default) or its XLSX appendix (format xlsx). */
export const mbrQuery = z.object({
  month: mbrMonth,
  format: z.enum(mbrFormats).default('pptx'),
})
export type MbrQuery = z.infer<typeof mbrQuery>

export const mbrMime: Record<MbrFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** mbr-P100017-2026-10.pptx: the partner's program ID and the month. */
export function mbrFileName(programId: string, month: string, format: MbrFormat) {
  const safe = programId.replace(/[^A-Za-z0-9._-]+/g, '_')
  return `mbr-${safe}-${month}.${format}`
}
