import { closeDb, getDb } from '../db/client';
import { countChatWait } from '../db/queries/contact-stats';

/**
 * Adds answered chats to today's wait counts, as if they had waited in the given band:
 * `node --import tsx test/seed-chat-waits.ts <band> <chats>` with the app's DATABASE_URL or
 * DATA_DIR, before the app starts (a PGlite folder has one process at a time). For e2e tests of
 * the waiting visitor's estimate; only the day and the band are stored, as the app does.
 */
const [band, chats] = process.argv.slice(2).map(Number);
if (!Number.isInteger(band) || !Number.isInteger(chats)) throw new Error('usage: seed-chat-waits <band> <chats>');
const db = await getDb();
for (let i = 0; i < chats!; i++) await countChatWait(db, { startedAt: new Date(), band: band! });
await closeDb();
