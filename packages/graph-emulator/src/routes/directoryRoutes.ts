import type { Route } from '../http/route';
import { applicationsRoutes } from './directory/applicationsRoutes';
import { servicePrincipalsRoutes } from './directory/servicePrincipalsRoutes';
import { sitePermissionsRoutes } from './directory/sitePermissionsRoutes';
import { teamsAppsRoutes } from './directory/teamsAppsRoutes';

/** What `npm run provision` sets up besides the lists: app registration, consent, site permission, Teams catalogue. */
export const directoryRoutes: Route[] = [...applicationsRoutes, ...servicePrincipalsRoutes, ...sitePermissionsRoutes, ...teamsAppsRoutes];
