// A React 19 app using Doorstep both ways the docs show (docs/frameworks/react.md): the generated wrapper
// with typed props and an `onDsError` callback, and the tag written directly (typed by
// @doorstep/react/jsx-react) with React 19's own `onds-error` event prop.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from '@doorstep/sdk';
import { DsRequestForm } from '@doorstep/react';
import type {} from '@doorstep/react/jsx-react';

function App() {
  const [wrapped, setWrapped] = useState('');
  const [direct, setDirect] = useState('');
  return (
    <main>
      <DsRequestForm
        id="wrapped"
        apiBase="/api"
        theme="elder"
        lang="en"
        onDsError={(event) => {
          // `event` is CustomEvent<DsErrorDetail>: `phase` and `error` are typed.
          const { phase, error } = event.detail;
          setWrapped(`${phase}:${error instanceof ApiError ? error.status : 'other'}`);
        }}
      />
      <output id="wrapped-result">{wrapped}</output>
      <ds-request-form id="direct" api-base="/api" lang="zh-TW" onds-error={(event) => setDirect(event.detail.phase)} />
      <output id="direct-result">{direct}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
