import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Statistics are daily totals and nothing else: no row here can hold an identifier, an
 * address, a user agent, a query string or a time finer than a day. A request only adds to a
 * counter in memory; lib/stats/visits.ts writes the sums here at least once a minute, one
 * upsert per day and key, so several instances add up correctly.
 */

/** The adult site's pages, each a path from the content or the route table, per day. */
export const dailyPageViews = pgTable(
  'daily_page_views',
  {
    day: date({ mode: 'string' }).notNull(),
    path: text().notNull(),
    views: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.path] }),
    check('daily_page_views_path_plain', sql`${t.path} ~ '^/[a-z0-9/-]*$'`),
    check('daily_page_views_positive', sql`${t.views} > 0`),
  ],
);

/** Arrivals from outside the site (Sec-Fetch-Site none or cross-site), per site and day. */
export const dailyVisits = pgTable(
  'daily_visits',
  {
    day: date({ mode: 'string' }).notNull(),
    site: text({ enum: ['voksen', 'unge'] }).notNull(),
    visits: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.site] }),
    check('daily_visits_site_known', sql`${t.site} in ('voksen', 'unge')`),
    check('daily_visits_positive', sql`${t.visits} > 0`),
  ],
);

export type StatsSite = (typeof dailyVisits.$inferSelect)['site'];
