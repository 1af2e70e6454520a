import JSZip from 'jszip'

/**
 * Removes from a pptxgenjs 4.0.1 deck what makes PowerPoint offer to repair it (decision 010; upstream
 * gitbrent/PptxGenJS#1441–#1444, not released yet). Each rewrite keeps the content and fixes the structure:
 *
 * - content-type overrides of slide masters that are not in the package (one per slide, one master written);
 * - a solid slide background without the effect list its schema requires;
 * - shapes without a text body (rectangles, lines);
 * - the notes master's placeholder shapes, which PowerPoint drops on repair;
 * - empty line properties.
 */
export async function withoutRepairTriggers(deck: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(deck)
  const rewrite = async (name: string, fn: (xml: string) => string) => {
    const file = zip.file(name)
    if (file) zip.file(name, fn(await file.async('string')))
  }
  await rewrite('[Content_Types].xml', (xml) =>
    xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (tag, part: string) =>
      zip.file(part) ? tag : '',
    ),
  )
  const parts = Object.keys(zip.files).filter((n) =>
    /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n),
  )
  for (const name of parts)
    await rewrite(name, (xml) =>
      xml
        .replace(/(<p:bgPr>(?:(?!<\/p:bgPr>)[\s\S])*?<\/a:solidFill>)(<\/p:bgPr>)/g, '$1<a:effectLst/>$2')
        .replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g, (sp) =>
          sp.includes('<p:txBody>')
            ? sp
            : sp.replace(
                /<\/p:sp>$/,
                '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>',
              ),
        )
        .replace(/<a:ln>\s*<\/a:ln>/g, ''),
    )
  await rewrite('ppt/notesMasters/notesMaster1.xml', (xml) =>
    xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g, ''),
  )
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
