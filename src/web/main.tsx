import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/charts/styles.css'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

// Errors React recovers from by rendering again (e.g. a request cut off mid-render) are logged, not thrown
// to the window: the user sees a correct page, and the console keeps the trace.
createRoot(document.getElementById('root')!, {
  onRecoverableError: (error) => console.warn('Trellis recovered from a render error', error),
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
