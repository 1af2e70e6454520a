import { MantineProvider } from '@mantine/core'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown } from '../../src/web/features/meetings/Markdown'

const render = (md: string) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(Markdown, null, md)))

describe('minutes and agendas render Markdown without active content', () => {
  it('renders ordinary Markdown', () => {
    const html = render('# Minutes\n\n- **Agreed** the [plan](https://example.com/plan)')
    expect(html).toContain('<h1>Minutes</h1>')
    expect(html).toContain('<strong>Agreed</strong>')
    expect(html).toMatch(
      /<a href="https:\/\/example.com\/plan" target="_blank" rel="noopener noreferrer nofollow">plan<\/a>/,
    )
  })
  it('drops a <script> block and inline script tags', () => {
    const html = render('Before\n\n<script>alert(1)</script>\n\nafter <script>alert(2)</script> text')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Before')
  })
  it('drops <img onerror> and other raw HTML', () => {
    const html = render('<img src=x onerror="alert(1)">\n\nText <b onmouseover="alert(2)">bold</b>')
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/onerror|onmouseover/i)
    expect(html).not.toMatch(/<b[ >]/i)
  })
  it('removes javascript: (and data:) link targets, in any case or encoding', () => {
    const html = render(
      '[click](javascript:alert(1)) [again](JaVaScRiPt:alert(2)) [enc](&#106;avascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) ![img](javascript:alert(4))',
    )
    expect(html).not.toMatch(/javascript:/i)
    expect(html).not.toMatch(/href="data:/i)
    expect(html).toContain('>click</a>')
  })
})
