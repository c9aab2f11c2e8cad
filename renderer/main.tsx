import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { localeStore } from './i18n/locale-store.ts';
import { sessionStore } from './session/session-store.ts';
import './styles.css';

document.documentElement.lang = localeStore.getState().locale;
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
void sessionStore.getState().restore();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
