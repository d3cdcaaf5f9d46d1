import './site.css';
import { startSite } from './siteApp.ts';

const root = document.getElementById('site');
if (root) void startSite(root);
