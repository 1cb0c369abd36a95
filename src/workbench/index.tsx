/** Workbench entry: no Office here, just the page. Kept thin on purpose. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { WorkbenchApp } from './WorkbenchApp';

const root = document.getElementById('container');
if (root) createRoot(root).render(<WorkbenchApp />);
