import type { Database } from '#db/client'
import type { Actor } from '#server/modules/access/actor'
import { type MbrFormat, mbrFileName } from '#shared/contracts/mbr'
import { buildMbrAppendix } from './appendix'
import { mbrPack, partnerByProgramId } from './data'
import { buildMbrDeck } from './deck'

/** The MBR pack: the deck (PPTX) and its appendix (XLSX) of one partner and month. */
export function mbrService(database: Database) {
  return {
    pack: (actor: Actor, partnerId: number, month: string, now?: Date) =>
      mbrPack(database, actor, partnerId, month, now),
    partnerByProgramId: (actor: Actor, programId: string) => partnerByProgramId(database, actor, programId),
    /** One file of the pack, with its download name. */
    async file(actor: Actor, partnerId: number, month: string, format: MbrFormat, now?: Date) {
      const pack = await mbrPack(database, actor, partnerId, month, now)
      const body = format === 'pptx' ? await buildMbrDeck(pack) : await buildMbrAppendix(pack)
      return { body, fileName: mbrFileName(pack.partner.programId, pack.month, format), pack }
    },
  }
}
