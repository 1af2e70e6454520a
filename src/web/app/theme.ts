import { createTheme, type MantineColorsTuple } from '@mantine/core'

/** Trellis green: a vine on a trellis. */
const trellis: MantineColorsTuple = [
  '#e9f8f3',
  '#d9ede6',
  '#b3d9cb',
  '#89c4ae',
  '#66b296',
  '#4fa786',
  '#41a17d',
  '#318c6b',
  '#267d5e',
  '#0f6c4e',
]

export const theme = createTheme({
  primaryColor: 'trellis',
  primaryShade: { light: 7, dark: 5 },
  colors: { trellis },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs', fz: 'sm' } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none', fw: 600 } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 200 } },
  },
})
