import type { Route } from '../http/route';
import { calendarRoute } from './calendar/calendarRoute';
import { calendarViewRoutes } from './calendar/calendarViewRoute';
import { eventRoutes } from './calendar/eventRoutes';
import { scheduleRoutes } from './calendar/scheduleRoute';

/** Outlook calendars: events (create, read, update, cancel), calendarView and getSchedule. */
export const calendarRoutes: Route[] = [...calendarRoute, ...eventRoutes, ...calendarViewRoutes, ...scheduleRoutes];
