/** Renderer entry: i18n first (so the first paint is translated), then the React app. */
// Fast Refresh's preamble as a module import: the inline one Vite injects in dev is blocked by our CSP.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';

initI18n('en');
const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
