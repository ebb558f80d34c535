// Entry point: mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './app/app.css';
import './app/shell.css';
import { watchInstallState } from './features/install/install-store.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Before the first render: Chrome may offer installation straight away.
watchInstallState();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
