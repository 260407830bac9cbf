import type { Route } from '../http/route';
import { calendarRoutes } from './calendarRoutes';
import { directoryRoutes } from './directoryRoutes';
import { drivesRoutes } from './drivesRoutes';
import { itemsRoutes } from './itemsRoutes';
import { listsRoutes } from './listsRoutes';
import { mailRoutes } from './mailRoutes';
import { sitesRoutes } from './sitesRoutes';

/** Every Graph route the emulator serves; drive routes come before list routes (`…/lists/{l}/drive`). */
export const allRoutes: readonly Route[] = [...directoryRoutes, ...sitesRoutes, ...drivesRoutes, ...itemsRoutes, ...listsRoutes, ...mailRoutes, ...calendarRoutes];
