import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { getApi } from './api/getApi.js';
import { App } from './App.js';
import './styles.css';

// The page's CSP forbids eval; without this zod probes `new Function` and logs a CSP violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App api={getApi()} />
  </StrictMode>,
);
