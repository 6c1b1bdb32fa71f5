import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { initBrowserToken } from './api/client.js';
import './styles.css';

initBrowserToken();
createRoot(document.getElementById('root')!).render(<App />);
