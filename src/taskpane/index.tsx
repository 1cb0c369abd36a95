/** Task pane entry: waits for Office, then renders the pane over the Excel host in Office's theme. Kept thin on purpose. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { officeThemeKind } from '../excel/officeTheme';
import { App } from './App';

Office.onReady(() => {
  const root = document.getElementById('container');
  if (root) createRoot(root).render(<App host={createOfficeHost()} theme={officeThemeKind()} />);
});
