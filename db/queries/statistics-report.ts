import 'server-only';
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contactCategories, dailyChatCoverage, dailyChatWaits, dailyContactCategories, dailyContacts, dailyPageViews, dailyVisits, type CategoryKind, type ContactChannel, type StatsSite } from '@/db/schema';

/**
 * What the staff statistics dashboard reads: sums of the daily totals over a range of Oslo
 * calendar days (the `day` columns already are Oslo days), per day, ISO week or month. Weeks
 * and months are worked out from the date alone, so the session's time zone never moves a row.
 * Suppressing small numbers happens above this (lib/stats/report.ts); this returns exact sums.
 */
export type DayRange = { from: string; to: string };

export type StatisticsRows = {
  visits: { day: string; site: StatsSite; visits: number }[];
  pages: { path: string; views: number }[];
  startedPerWeek: { week: string; channel: ContactChannel; started: number }[];
  categoriesPerMonth: { month: string; categoryId: number; contacts: number }[];
  categories: { id: number; kind: CategoryKind; label: string; retired: boolean }[];
  waitsPerMonth: { month: string; bucket: number; chats: number }[];
  chatsStartedPerMonth: { month: string; started: number }[];
  coveragePerMonth: { month: string; openMinutes: number; staffedMinutes: number }[];
};

const TOP_PAGES = 20;

/** 'YYYY-MM' of a date column, independent of the session's time zone. */
const monthOf = (day: unknown) => sql<string>`to_char(${day}::timestamp, 'YYYY-MM')`;
/** The Monday (ISO week start) of a date column, as 'YYYY-MM-DD'. */
const weekOf = (day: unknown) => sql<string>`to_char((${day} - (extract(isodow from ${day})::int - 1))::timestamp, 'YYYY-MM-DD')`;
const total = (column: unknown) => sql<number>`coalesce(sum(${column}), 0)::int`.mapWith(Number);

export async function statisticsRows(db: DbOrTx, { from, to }: DayRange): Promise<StatisticsRows> {
  const visits = await db
    .select({ day: dailyVisits.day, site: dailyVisits.site, visits: dailyVisits.visits })
    .from(dailyVisits)
    .where(and(gte(dailyVisits.day, from), lte(dailyVisits.day, to)))
    .orderBy(asc(dailyVisits.day), asc(dailyVisits.site));

  const views = total(dailyPageViews.views);
  const pages = await db
    .select({ path: dailyPageViews.path, views })
    .from(dailyPageViews)
    .where(and(gte(dailyPageViews.day, from), lte(dailyPageViews.day, to)))
    .groupBy(dailyPageViews.path)
    .orderBy(desc(views), asc(dailyPageViews.path))
    .limit(TOP_PAGES);

  const contactsIn = and(gte(dailyContacts.day, from), lte(dailyContacts.day, to));
  const week = weekOf(dailyContacts.day);
  const startedPerWeek = await db
    .select({ week, channel: dailyContacts.channel, started: total(dailyContacts.started) })
    .from(dailyContacts)
    .where(contactsIn)
    .groupBy(week, dailyContacts.channel)
    .orderBy(week, dailyContacts.channel);

  const chatMonth = monthOf(dailyContacts.day);
  const chatsStartedPerMonth = await db
    .select({ month: chatMonth, started: total(dailyContacts.started) })
    .from(dailyContacts)
    .where(and(contactsIn, eq(dailyContacts.channel, 'chat')))
    .groupBy(chatMonth)
    .orderBy(chatMonth);

  // Inquiries and chats together: per channel, a month's numbers for one category are mostly too small to show.
  const categoryMonth = monthOf(dailyContactCategories.day);
  const categoriesIn = and(gte(dailyContactCategories.day, from), lte(dailyContactCategories.day, to));
  const categoriesPerMonth = await db
    .select({ month: categoryMonth, categoryId: dailyContactCategories.categoryId, contacts: total(dailyContactCategories.contacts) })
    .from(dailyContactCategories)
    .where(categoriesIn)
    .groupBy(categoryMonth, dailyContactCategories.categoryId)
    .orderBy(categoryMonth, dailyContactCategories.categoryId);

  // Every category in use, and a retired one when the range has numbers for it: it keeps its label.
  const counted = sql`exists (select 1 from ${dailyContactCategories} where ${dailyContactCategories.categoryId} = ${contactCategories.id} and ${categoriesIn} and ${dailyContactCategories.contacts} > 0)`;
  const categories = await db
    .select({
      id: contactCategories.id,
      kind: contactCategories.kind,
      label: contactCategories.label,
      retired: sql<boolean>`${contactCategories.retiredAt} is not null`.mapWith(Boolean),
    })
    .from(contactCategories)
    .where(or(isNull(contactCategories.retiredAt), counted))
    .orderBy(asc(contactCategories.kind), asc(contactCategories.sort), asc(contactCategories.id));

  const waitMonth = monthOf(dailyChatWaits.day);
  const waitsPerMonth = await db
    .select({ month: waitMonth, bucket: dailyChatWaits.bucket, chats: total(dailyChatWaits.chats) })
    .from(dailyChatWaits)
    .where(and(gte(dailyChatWaits.day, from), lte(dailyChatWaits.day, to)))
    .groupBy(waitMonth, dailyChatWaits.bucket)
    .orderBy(waitMonth, dailyChatWaits.bucket);

  const coverageMonth = monthOf(dailyChatCoverage.day);
  const coveragePerMonth = await db
    .select({ month: coverageMonth, openMinutes: total(dailyChatCoverage.openMinutes), staffedMinutes: total(dailyChatCoverage.staffedMinutes) })
    .from(dailyChatCoverage)
    .where(and(gte(dailyChatCoverage.day, from), lte(dailyChatCoverage.day, to)))
    .groupBy(coverageMonth)
    .orderBy(coverageMonth);

  return { visits, pages, startedPerWeek, categoriesPerMonth, categories, waitsPerMonth, chatsStartedPerMonth, coveragePerMonth };
}
