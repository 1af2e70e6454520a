import { Typography } from '@mantine/core'
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown'

/**
 * Markdown written by users (agendas, minutes), rendered without raw HTML: tags in the text are dropped
 * (`skipHtml`, and no rehype-raw), and link/image URLs pass react-markdown's safe-protocol filter, so
 * `javascript:` links lose their target. Links open in a new tab without an opener.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown
        skipHtml
        urlTransform={defaultUrlTransform}
        components={{
          a: ({ href, children: text }) => (
            <a href={href || undefined} target="_blank" rel="noopener noreferrer nofollow">
              {text}
            </a>
          ),
          img: ({ src, alt }) => (typeof src === 'string' && src ? <img src={src} alt={alt ?? ''} /> : null),
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  )
}
