import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';

/** Where Teams (and Outlook and the Microsoft 365 app) frame a tab from. */
export const teamsFrameAncestors = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
];

/**
 * The tab's pages may be framed by Teams: their own Content-Security-Policy (frame-ancestors the
 * Teams hosts; scripts from here only; inline styles, which Fluent UI injects; images from here
 * and data: URLs, which Adaptive Cards use) and no X-Frame-Options. Helmet's other defaults stay.
 */
const framedByTeams: RequestHandler[] = [
  (_req, res, next) => {
    res.removeHeader('X-Frame-Options');
    next();
  },
  helmet({
    frameguard: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'frame-ancestors': teamsFrameAncestors,
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // teams-js reads its host's settings from the Office CDN.
        'connect-src': ["'self'", 'https://res.cdn.office.net'],
        'img-src': ["'self'", 'data:'],
        // Teams serves tabs over HTTPS anyway; on a local run (http://localhost) nothing is to be upgraded.
        'upgrade-insecure-requests': null,
      },
    },
  }),
];

/**
 * The built browser app (`npm run build:tab` writes `dist`): its files with their types, and
 * index.html for `/tab`, `/tab/` and any other page path (the app routes in the browser). Not
 * built: 503 saying how to build it. Mount it after the API, so `/tab/api/...` never reaches it.
 */
export function tabPages(dist: string): Router {
  const router = express.Router();
  const index = path.join(dist, 'index.html');
  router.use(framedByTeams);
  router.use(express.static(dist, { index: false, redirect: false, dotfiles: 'ignore' }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The tab has not been built yet: run "npm run build:tab", then reload this page.');
      return;
    }
    res.sendFile(index);
  });
  return router;
}
